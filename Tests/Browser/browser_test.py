#!/usr/bin/env python3
"""Browser tests of the interface: the release binary on a loopback port with a fresh database, driven by headless
Chromium (Debian's chromium and chromium-driver) through Selenium, as a person would use it: fields found by their
labels, buttons by their words. Every page visited is checked by axe-core; a serious or critical violation fails.
Each flow's outcome is checked through the JSON API as well.

Usage: Tests/Browser/browser_test.py path/to/strategy [screenshot folder]
(What the browser tests share is in support.py; the pages of taking part are in participation_test.py.)
Screenshots of the main pages at 1280 and 360 px wide go to the folder (default: out/screenshots, ignored by git).
"""

import os
import sys

import support
from support import (PASSWORD, accessible, account, api, check, click_and_wait, field, follow, member, press, screenshot,
                     strategy)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

BIN = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else ".build-release/release/strategy")
base, admin_token = support.start(BIN, sys.argv[2] if len(sys.argv) > 2 else "out/screenshots")

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

# ---------------------------------------------------------------- the browser

driver = support.open_browser()

try:
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

    # The strategy page: the sign-off board after an objection.
    accessible("the strategy page")
    screenshot("strategy")
    board = driver.find_element(By.ID, "board-heading").find_element(By.XPATH, "..").text
    check("the board shows the objection with its note", "Objects" in board and "The advice must name who gives it." in board, board)
    check("the board shows the group that has not decided as pending", "Pending" in board, board)

    # Read the section; the shifted comment is beside its passage.
    follow("Parents and teachers")
    check("the section page shows the current text", "in their own language" in driver.page_source)
    accessible("the section page")
    screenshot("section")
    beside = driver.find_elements(By.CSS_SELECTOR, ".block aside .comment")
    check("the comment is beside its passage", len(beside) == 1 and "Who gives this advice?" in beside[0].text)
    check("the comment is marked shifted", len(beside) == 1 and "shifted" in beside[0].text, beside[0].text if beside else "")

    # The open amendment is listed with its state; its page shows what it changes.
    check("the open amendment is listed as mergeable", "Amendment 1" in driver.page_source and "mergeable" in driver.page_source)
    follow("Amendment 1")
    check("the amendment page shows its redline", any("carers" in e.text for e in driver.find_elements(By.CSS_SELECTOR, ".redline ins")))
    accessible("the amendment page")
    screenshot("amendment")
    driver.back()

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

    # The revision history and an old revision.
    click_and_wait(driver.find_element(By.XPATH, "//a[normalize-space()='Revision 1']"))
    check("an old revision shows its text", "Parents need clear advice" in driver.page_source)
    accessible("an old revision")

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

    # The activity log.
    driver.get(base + f"/app/strategies/{s1}/activity")
    check("the activity log verifies its chain", "intact" in driver.page_source)
    accessible("the activity log")

    # Settings: the reader's time zone.
    follow("Settings")
    accessible("the settings page")
    Select(field("Time zone")).select_by_value("Europe/Belgrade")
    press("Save")
    check("settings are saved", "Your settings are saved." in driver.page_source)

    # A page of another strategy's section under this strategy's address is not found.
    driver.get(base + f"/app/strategies/{s2}/sections/{section_id}")
    check("a section under another strategy's address is not found", "Page not found" in driver.page_source)
    accessible("the not-found page")

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

    # Unpublished, the page is gone.
    api("DELETE", f"/strategies/{s2}/publication", facilitator_token)
    status, _, _ = api("GET", publication["url"].replace(base, ""))
    check("an unpublished page answers 404", status == 404)
except Exception:
    support.crashed()
finally:
    support.finish()
