"""The interface in Albanian and Serbian (#26, part 1), in Chromium: the language menu at the top of every page
changes the language (kept on the account when signed in, in a cookie when not), `<html lang>` follows, and the
pages pass axe-core in each language and fit 360 px with their longer words.

  python3 -m pytest Tests/Browser/test_languages.py --binary .build-release/release/strategy --shots out/screenshots
"""

import pytest

import support
from support import PASSWORD, accessible, account, api, check, field, main_text, member, press, screenshot, strategy
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


@pytest.fixture(scope="module", autouse=True)
def world(service, browser):
    global base, admin_token, driver, s, section_id, person_id
    base, admin_token = service
    driver = browser
    person_id, token = account("Milan Jovanović", "milan@example.org")
    s = strategy("Zaštita dece na internetu", ["government", "civil-society", "industry"])
    member(s, person_id, "facilitator")
    status, created, _ = api("POST", f"/strategies/{s}/sections", token, {
        "heading": "Roditelji i staratelji", "body": "Roditeljima je potreban jasan savet o bezbednosti na internetu.",
    })
    section_id = created["id"]
    assert not support.failures, "the strategy could not be set up: " + "; ".join(support.failures)


def choose(language):
    """Chooses in the menu and presses its button, whose words are in the language the page is in."""
    words = {"Shqip": "Ndrysho", "Srpski": "Promeni", "Српски": "Промени", "English": "Change"}[current()]
    Select(driver.find_element(By.ID, "language-menu")).select_by_visible_text(language)
    press(words)


def current():
    return Select(driver.find_element(By.ID, "language-menu")).first_selected_option.text


def lang():
    return driver.find_element(By.TAG_NAME, "html").get_attribute("lang")


def test_a_reader_signed_out_chooses_albanian_then_cyrillic():
    driver.get(base + "/app/signin")
    check("the sign-in page starts in English", lang() == "en" and current() == "English")
    choose("Shqip")
    check("the page is in Albanian, and says so", lang() == "sq" and driver.find_element(By.TAG_NAME, "h1").text == "Hyrja")
    accessible("the sign-in page in Albanian")
    driver.get(base + "/app/signin")
    check("the choice stays", lang() == "sq")
    choose("Српски")
    check("the page is in Serbian Cyrillic", lang() == "sr-Cyrl" and driver.find_element(By.TAG_NAME, "h1").text == "Пријава")
    accessible("the sign-in page in Serbian Cyrillic")


def test_a_member_works_in_each_language():
    status, invitation, _ = api("POST", f"/accounts/{person_id}/invitations", admin_token, {})
    driver.get(invitation["url"])
    field("Лозинка").send_keys(PASSWORD)
    field("Поновите лозинку").send_keys(PASSWORD)
    press("Постави лозинку")
    for language, tag, name in [("Shqip", "sq", "sq"), ("Srpski", "sr-Latn", "sr-latn"), ("Српски", "sr-Cyrl", "sr-cyrl")]:
        driver.get(f"{base}/app/strategies/{s}")
        choose(language)
        check(f"the strategy page in {tag}", lang() == tag)
        accessible(f"the strategy page in {tag}")
        screenshot(f"strategy-{name}")
        driver.get(f"{base}/app/strategies/{s}/sections/{section_id}")
        accessible(f"the section page in {tag}")
        screenshot(f"section-{name}")
        driver.get(f"{base}/app/strategies/{s}/outline")
        accessible(f"the outline editor in {tag}")
        screenshot(f"outline-{name}")
    driver.get(base + "/app/settings")
    check("the choice is kept on the account (Settings shows it)",
          Select(driver.find_element(By.ID, "language")).first_selected_option.text == "Српски", main_text()[:200])
