"""Browser tests of reading (the interface's pages for a working group): the release binary on a loopback port
with a fresh database, driven by headless Chromium (Debian's chromium and chromium-driver) through Selenium, as a
person would use it: fields found by their labels, buttons by their words. Every page visited is checked by
axe-core; a serious or critical violation fails. Each flow's outcome is checked through the JSON API as well.
One test per path a person takes, in the order a person takes them (each builds on the one before).

  python3 -m pytest Tests/Browser/test_reading.py --binary .build-release/release/strategy --shots out/screenshots

(What the browser tests share is in support.py and conftest.py; the pages of taking part are in
test_taking_part.py.) Screenshots of the main pages at 1280 and 360 px wide go to the shots folder.
"""

import os

import pytest

import support
from support import (PASSWORD, accessible, account, api, check, click_and_wait, field, follow, member, press, screenshot,
                     strategy)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


@pytest.fixture(scope="module", autouse=True)
def world(service, browser):
    """Two strategies made through the API: one in drafting with a section edited twice, a comment that shifts,
    two drafts, an amendment and an objection; one adopted, ready to publish; and the facilitator's invitation."""
    global base, admin_token, driver, amendment, facilitator_id, facilitator_token, invitation, member_id, member_token, passage, s1, s2, section_id, signatory_id, signatory_token, start, section, public_link, publication
    base, admin_token = service
    driver = browser
    # The people: the facilitator is the one who uses the browser; the others act through the API.
    facilitator_id, facilitator_token = account("Arta Krasniqi", "arta@example.org")
    signatory_id, signatory_token = account("Drita Hoxha", "drita@example.org")
    member_id, member_token = account("Florent Shala", "florent@example.org")

    # Strategy one, in drafting: a section edited twice, a comment that shifts, two drafts, an objection.
    s1 = strategy("Protecting children online", ["government", "industry"])
    member(s1, facilitator_id, "facilitator")
    member(s1, signatory_id, "signatory", "government")
    member(s1, member_id, "member", "industry")
    status, section, _ = api("POST", f"/strategies/{s1}/sections", facilitator_token, {
        "heading": "Parents and teachers",
        "body": "Parents need clear advice about online safety.\n\nSchools teach digital skills from the first grade.",
    })
    section_id = section["id"]
    passage = "clear advice"
    start = section["body"].encode().find(passage.encode())
    status, comment, _ = api("POST", f"/strategies/{s1}/comments", member_token, {
        "section": section_id, "revision": 1, "anchor": {"start": start, "end": start + len(passage.encode())},
        "body": "Who gives this advice?", "kind": "substantive",
    })
    check("a comment on a passage is posted", status == 201, comment)
    api("POST", f"/strategies/{s1}/drafts", facilitator_token, {"title": "First reading"})
    status, _, _ = api("PUT", f"/strategies/{s1}/sections/{section_id}", facilitator_token, {
        "heading": "Parents and teachers",
        "body": "All parents need clear advice about online safety, in their own language.\n\nSchools teach digital skills from the first grade.",
    }, headers={"If-Match": '"1"'})
    check("the section is edited", status == 200)
    api("POST", f"/strategies/{s1}/drafts", facilitator_token, {"title": "Second reading"})
    status, amendment, _ = api("POST", f"/strategies/{s1}/sections/{section_id}/amendments", member_token, {
        "baseRevision": 2, "body": "All parents and carers need clear advice about online safety, in their own language.\n\n"
                                   "Schools teach digital skills from the first grade.", "rationale": "Carers too.",
    })
    check("an amendment is proposed", status == 201, amendment)
    status, _, _ = api("POST", f"/strategies/{s1}/drafts/2/signoffs", signatory_token,
                       {"decision": "object", "note": "The advice must name who gives it."})
    check("the government objects to draft 2", status == 201)

    # Strategy two, adopted: ready to publish.
    s2 = strategy("Safer internet for schools", ["government"])
    member(s2, facilitator_id, "facilitator")
    member(s2, signatory_id, "signatory", "government")
    api("POST", f"/strategies/{s2}/sections", facilitator_token, {"heading": "Scope", "body": "Every school, public or private."})
    api("POST", f"/strategies/{s2}/drafts", facilitator_token, {"title": "Final"})
    for phase in ["consultation", "final-review"]:
        api("PATCH", f"/strategies/{s2}", facilitator_token, {"phase": phase})
    api("POST", f"/strategies/{s2}/drafts/1/signoffs", signatory_token, {"decision": "approve"})
    status, _, _ = api("POST", f"/strategies/{s2}/adopt", facilitator_token, {"draft": 1})
    check("strategy two is adopted", status == 200)

    status, invitation, _ = api("POST", f"/accounts/{facilitator_id}/invitations", admin_token, {})
    check("an invitation link is made", status == 201 and invitation["url"].startswith(base + "/app/invite/"), invitation)
    assert not support.failures, "the strategies could not be set up: " + "; ".join(support.failures)


def test_an_invitation_sets_the_password_and_signs_in():
    # Invitation → set password → signed in.
    driver.get(invitation["url"])
    accessible("the invitation page")
    screenshot("invitation")
    field("Password").send_keys(PASSWORD)
    field("Repeat password").send_keys(PASSWORD)
    press("Set password")
    check("setting the password signs in and shows the strategies", driver.current_url == base + "/app"
          and "Protecting children online" in driver.page_source)
    accessible("the home page")
    screenshot("home")


def test_signing_out_and_in_again_returns_to_the_page_asked_for():
    # Sign out, then sign in with email and password.
    press("Sign out")
    check("signing out shows the sign-in page", "/app/signin" in driver.current_url)
    driver.get(base + f"/app/strategies/{s1}")
    check("a page asked for while signed out leads to sign-in", "/app/signin" in driver.current_url)
    accessible("the sign-in page")
    screenshot("signin")
    field("Email").send_keys("arta@example.org")
    field("Password").send_keys("not the password")
    press("Sign in")
    check("a wrong password is refused with a message", "not right" in driver.page_source)
    field("Email").clear()
    field("Email").send_keys("arta@example.org")
    field("Password").send_keys(PASSWORD)
    press("Sign in")
    check("signing in returns to the page asked for", driver.current_url == base + f"/app/strategies/{s1}")


def test_the_strategy_page_shows_the_sign_off_board():
    # The strategy page: the sign-off board after an objection.
    accessible("the strategy page")
    screenshot("strategy")
    board = driver.find_element(By.ID, "board-heading").find_element(By.XPATH, "..").text
    check("the board shows the objection with its note", "Objects" in board and "The advice must name who gives it." in board, board)
    check("the board shows the group that has not decided as pending", "Pending" in board, board)


def test_the_section_page_shows_the_shifted_comment_beside_its_passage():
    # Read the section; the shifted comment is beside its passage.
    follow("Parents and teachers")
    check("the section page shows the current text", "in their own language" in driver.page_source)
    accessible("the section page")
    screenshot("section")
    beside = driver.find_elements(By.CSS_SELECTOR, ".block aside .comment")
    check("the comment is beside its passage", len(beside) == 1 and "Who gives this advice?" in beside[0].text)
    check("the comment is marked shifted", len(beside) == 1 and "shifted" in beside[0].text, beside[0].text if beside else "")


def test_the_open_amendment_and_its_redline():
    # The open amendment is listed with its state; its page shows what it changes.
    check("the open amendment is listed as mergeable", "Amendment 1" in driver.page_source and "mergeable" in driver.page_source)
    follow("Amendment 1")
    check("the amendment page shows its redline", any("carers" in e.text for e in driver.find_elements(By.CSS_SELECTOR, ".redline ins")))
    accessible("the amendment page")
    screenshot("amendment")
    driver.back()


def test_changes_since_a_revision_or_a_draft_are_a_word_redline():
    # Changes since revision 1 and since draft 1: a word-level redline.
    Select(field("Changes since")).select_by_value("r1")
    press("Show")
    inserted = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".redline ins")]
    check("changes since revision 1 mark insertions with <ins>", any("own language" in text for text in inserted), inserted)
    check("insertions are labelled for screen readers", any("[inserted:" in e.get_attribute("textContent")
                                                            for e in driver.find_elements(By.CSS_SELECTOR, ".redline ins")))
    accessible("the section page with a redline")
    screenshot("section-redline")
    Select(field("Changes since")).select_by_value("d1")
    press("Show")
    check("changes since draft 1 are shown", "Changes since draft 1" in driver.page_source
          and len(driver.find_elements(By.CSS_SELECTOR, ".redline ins")) > 0, driver.find_element(By.TAG_NAME, "main").text[:600])
    status, _, _ = api("PUT", f"/strategies/{s1}/sections/{section_id}", facilitator_token, {
        "heading": "Parents and teachers", "body": "Schools teach digital skills from the first grade.",
    }, headers={"If-Match": '"2"'})
    driver.refresh()
    Select(field("Changes since")).select_by_value("r2")
    press("Show")
    deleted = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".redline del")]
    check("a deletion since revision 2 is marked with <del>", any("clear advice" in text for text in deleted), deleted)


def test_an_old_revision_shows_its_text():
    # The revision history and an old revision.
    click_and_wait(driver.find_element(By.XPATH, "//a[normalize-space()='Revision 1']"))
    check("an old revision shows its text", "Parents need clear advice" in driver.page_source)
    accessible("an old revision")


def test_two_drafts_are_compared():
    # Compare two drafts.
    driver.get(base + f"/app/strategies/{s1}/drafts")
    accessible("the drafts page")
    Select(field("From draft")).select_by_value("1")
    Select(field("To draft")).select_by_value("2")
    press("Compare")
    check("the comparison names the changed section", "changed" in driver.page_source and "Parents and teachers" in driver.page_source)
    check("the comparison shows the redline", len(driver.find_elements(By.CSS_SELECTOR, ".redline ins")) > 0)
    accessible("the draft comparison")
    screenshot("compare")


def test_the_activity_log_verifies_its_chain():
    # The activity log.
    driver.get(base + f"/app/strategies/{s1}/activity")
    check("the activity log verifies its chain", "intact" in driver.page_source)
    accessible("the activity log")


def test_settings_save_the_time_zone():
    # Settings: the reader's time zone.
    follow("Settings")
    accessible("the settings page")
    Select(field("Time zone")).select_by_value("Europe/Belgrade")
    press("Save")
    check("settings are saved", "Your settings are saved." in driver.page_source)


def test_a_section_under_another_strategys_address_is_not_found():
    # A page of another strategy's section under this strategy's address is not found.
    driver.get(base + f"/app/strategies/{s2}/sections/{section_id}")
    check("a section under another strategy's address is not found", "Page not found" in driver.page_source)
    accessible("the not-found page")


def test_the_adopted_strategy_is_published_and_read_signed_out():
    global public_link, publication
    # Publish the adopted strategy; read the public page signed out.
    driver.get(base + f"/app/strategies/{s2}")
    press("Publish")
    public_link = driver.find_element(By.CSS_SELECTOR, "a[href^='/public/']").get_attribute("href")
    status, publication, _ = api("GET", f"/strategies/{s2}/publication", facilitator_token)
    check("publishing is visible through the API", status == 200 and public_link.endswith(publication["slug"]), publication)
    press("Sign out")
    driver.get(public_link)
    check("the public page shows the adopted text signed out", "Every school, public or private." in driver.page_source)
    check("the public page lists the group's sign-off", "Approves" in driver.page_source)
    check("the public page offers the DocBook download", "DocBook XML" in driver.page_source)
    accessible("the public page")
    screenshot("public")
    status, docbook, _ = api("GET", publication["url"].replace(base, "") + "/strategy.xml")
    check("the DocBook download answers", status == 200 and "<article" in docbook)
    if os.path.exists("/usr/bin/pandoc"):
        status, docx, headers = api("GET", publication["url"].replace(base, "") + "/strategy.docx")
        check("the DOCX download answers (pandoc installed)", status == 200
              and headers.get("Content-Type", "").startswith("application/vnd.openxmlformats"))


def test_an_unpublished_page_is_gone():
    # Unpublished, the page is gone.
    api("DELETE", f"/strategies/{s2}/publication", facilitator_token)
    status, _, _ = api("GET", publication["url"].replace(base, ""))
    check("an unpublished page answers 404", status == 404)
