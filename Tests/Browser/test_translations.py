"""Translations in Chromium (#26, parts 2 and 3): a translator into Serbian reads a section in Serbian, sees exactly
the paragraph a facilitator's edit outdated (the source one click away), opens **Translate**, finds the source's
redline and the previous translation, corrects it, and **Save translation** makes the section current. The pages
pass axe-core with the interface in Albanian, Serbian Latin and Serbian Cyrillic, and fit 360 px.

  python3 -m pytest Tests/Browser/test_translations.py --binary .build-release/release/strategy --shots out/screenshots
"""

import pytest

import support
from support import PASSWORD, accessible, account, api, check, field, main_text, member, press, screenshot, strategy
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

BODY = ("Children go online earlier than any generation before them.\n\n"
        "Parents want plain advice they can use at home.\n\n"
        "- schools\n- helplines\n- platforms")
SERBIAN = ["Zaštita dece na internetu", "Deca idu na internet ranije nego bilo koja generacija pre njih.",
           "Roditelji žele jasne savete koje mogu da primene kod kuće.", "škole", "linije za pomoć", "platforme"]


@pytest.fixture(scope="module", autouse=True)
def world(service, browser):
    global base, admin_token, driver, s, section_id, translator_id, facilitator_token
    base, admin_token = service
    driver = browser
    facilitator_id, facilitator_token = account("Arta Krasniqi", "arta@example.org")
    translator_id, _ = account("Jelena Petrović", "jelena@example.org")
    s = strategy("Protecting children online", ["government", "civil-society", "industry"])
    status, answer, _ = api("PATCH", f"/strategies/{s}", admin_token, {"translations": ["sq", "sr-Latn"]})
    assert status == 200, answer
    member(s, facilitator_id, "facilitator")
    status, answer, _ = api("PUT", f"/strategies/{s}/members/{translator_id}", admin_token,
                            {"role": "translator", "languages": ["sr-Latn"]})
    assert status == 201, answer
    status, created, _ = api("POST", f"/strategies/{s}/sections", facilitator_token, {"heading": "Protecting children online", "body": BODY})
    section_id = created["id"]
    status, translation, headers = api("GET", f"/strategies/{s}/sections/{section_id}/translation?lang=sr-Latn", facilitator_token)
    units = [{"id": unit["id"], "text": text, "sourceRevision": translation["sourceRevision"]}
             for unit, text in zip(translation["units"], SERBIAN)]
    status, answer, _ = api("PUT", f"/strategies/{s}/sections/{section_id}/translation?lang=sr-Latn", facilitator_token,
                            {"units": units}, {"If-Match": headers["ETag"]})
    assert status == 200, answer
    # The facilitator edits the second paragraph: its Serbian translation is now outdated, the others stay current.
    status, answer, _ = api("PUT", f"/strategies/{s}/sections/{section_id}", facilitator_token,
                            {"heading": "Protecting children online", "body": BODY.replace("plain advice", "plain and honest advice")},
                            {"If-Match": "*"})
    assert status == 200, answer
    assert not support.failures, "the strategy could not be set up: " + "; ".join(support.failures)


def choose(language):
    words = {"Shqip": "Ndrysho", "Srpski": "Promeni", "Српски": "Промени", "English": "Change"}[
        Select(driver.find_element(By.ID, "language-menu")).first_selected_option.text]
    Select(driver.find_element(By.ID, "language-menu")).select_by_visible_text(language)
    press(words)


def test_a_translator_finds_the_outdated_paragraph_and_makes_it_current():
    status, invitation, _ = api("POST", f"/accounts/{translator_id}/invitations", admin_token, {})
    driver.get(invitation["url"])
    field("Password").send_keys(PASSWORD)
    field("Repeat password").send_keys(PASSWORD)
    press("Set password")
    driver.get(f"{base}/app/strategies/{s}/sections/{section_id}")
    support.follow("Srpski")
    text = main_text()
    check("the section reads in Serbian", "Deca idu na internet ranije" in text, text[:300])
    outdated = driver.find_elements(By.CSS_SELECTOR, ".unit-outdated")
    check("exactly one paragraph is marked Outdated", len(outdated) == 1 and outdated[0].text == "Outdated", str(len(outdated)))
    summary = driver.find_element(By.CSS_SELECTOR, "details.unit-source summary")
    summary.click()
    source = driver.find_element(By.CSS_SELECTOR, "details.unit-source span[lang='en']")
    check("the source is one click away, in its own language", source.is_displayed() and "plain and honest advice" in source.text)
    accessible("a section read in Serbian with an outdated paragraph")
    screenshot("translation-section")
    support.follow("Translate")
    check("the Translate page shows the source's redline", driver.find_elements(By.CSS_SELECTOR, ".unit-outdated ~ * ins, fieldset.unit-outdated ins"),
          main_text()[:300])
    box = driver.find_element(By.CSS_SELECTOR, "fieldset.unit-outdated textarea")
    check("the previous translation is in the field", box.get_attribute("value") == SERBIAN[2], box.get_attribute("value"))
    accessible("the Translate page")
    screenshot("translate")
    box.clear()
    box.send_keys("Roditelji žele jasne i iskrene savete koje mogu da primene kod kuće.")
    press("Save translation")
    check("saved, back on the section in Serbian", "The translation is saved" in main_text(), main_text()[:200])
    check("nothing is outdated any more", not driver.find_elements(By.CSS_SELECTOR, ".unit-outdated, .unit-missing"))
    status, answer, _ = api("GET", f"/strategies/{s}/translations", admin_token)
    serbian = next(item for item in answer["items"] if item["language"] == "sr-Latn")
    check("the status says every Serbian unit is current", serbian["counts"]["outdated"] == 0 and serbian["counts"]["missing"] == 0,
          str(serbian["counts"]))


def test_the_pages_in_each_script_pass_axe_and_fit_a_phone():
    for language, tag, name in [("Shqip", "sq", "sq"), ("Srpski", "sr-Latn", "sr-latn"), ("Српски", "sr-Cyrl", "sr-cyrl")]:
        driver.get(f"{base}/app/strategies/{s}")
        choose(language)
        accessible(f"the strategy page with its translations in {tag}")
        driver.get(f"{base}/app/strategies/{s}/sections/{section_id}?lang=sq")
        check(f"a missing unit is marked with its own language ({tag})",
              bool(driver.find_elements(By.CSS_SELECTOR, ".section-text span[lang='en'] + .unit-missing")))
        accessible(f"a section read in Albanian, missing units, interface in {tag}")
        screenshot(f"translation-missing-{name}")
        driver.get(f"{base}/app/strategies/{s}/sections/{section_id}/translate?lang=sr-Latn")
        accessible(f"the Translate page in {tag}")
        screenshot(f"translate-{name}")
    choose("English")
