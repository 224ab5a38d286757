"""Browser tests of taking part (#18), one test per path a person takes, in order (each builds on the one before),
against the release binary with headless Chromium: a member selects a passage with the mouse and comments; another
suggests a change with the keyboard alone; a second browser sees a new revision announced and a new comment arrive
without reloading (server-sent events, then the section's lists); a member proposes an amendment with a preview
and a member of another group supports it; two amendments collide, the facilitator sees them together on the desk,
accepts one and resolves the other's conflict; suggestions are applied in one batch; a direct edit that races
another is merged; a draft is cut, the phase moves, a signatory objects and approves, adoption is refused and then
done. Each outcome is checked through the JSON API; axe-core checks every page visited.

  python3 -m pytest Tests/Browser/test_taking_part.py --binary .build-release/release/strategy --shots out/screenshots
"""

import os

import pytest

import support
from support import (PASSWORD, accessible, account, api, button, check, click_and_wait, field, follow, main_text, member,
                     press, screenshot, strategy)
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait


@pytest.fixture(scope="module", autouse=True)
def world(service, browser):
    """The working group and its strategy, made through the API."""
    global base, admin_token, driver, civil_id, civil_token, created, facilitator_id, facilitator_token, industry_id, industry_token, s, section_id, section_page, signatory_id, signatory_token, status
    base, admin_token = service
    driver = browser
    # The working group: a facilitator, a member of industry and one of civil society, a government signatory.
    facilitator_id, facilitator_token = account("Arta Krasniqi", "arta@example.org")
    industry_id, industry_token = account("Florent Shala", "florent@example.org")
    civil_id, civil_token = account("Blerta Gashi", "blerta@example.org")
    signatory_id, signatory_token = account("Drita Hoxha", "drita@example.org")
    s = strategy("Protecting children online", ["government", "industry", "civil-society"])
    member(s, facilitator_id, "facilitator")
    member(s, industry_id, "member", "industry")
    member(s, civil_id, "member", "civil-society")
    member(s, signatory_id, "signatory", "government")
    status, created, _ = api("POST", f"/strategies/{s}/sections", facilitator_token, {
        "heading": "Parents and carers",
        "body": "Parents need *clear* advice about online safety.\n\nSchools teach digital skills from the first grade, in Zürich too.",
    })
    section_id = created["id"]
    section_page = f"{base}/app/strategies/{s}/sections/{section_id}"
    assert not support.failures, "the strategy could not be set up: " + "; ".join(support.failures)


def choose_password(account_id):
    """The invitation link, a password, and the person is signed in."""
    status, invitation, _ = api("POST", f"/accounts/{account_id}/invitations", admin_token, {})
    assert status == 201, invitation
    support.driver.get(invitation["url"])
    field("Password").send_keys(PASSWORD)
    field("Repeat password").send_keys(PASSWORD)
    press("Set password")


def comments():
    status, page, _ = api("GET", f"/strategies/{s}/comments?section={section_id}", facilitator_token)
    assert status == 200, page
    return page["items"]


def drag_over(words):
    """Selects `words` in the section's text with the mouse: pressed just inside the first letter, released just inside
    the last, as a person drags."""
    box = driver.execute_script("""
        const words = arguments[0];
        for (const piece of document.querySelectorAll('[data-passage-root] [data-at]')) {
          const at = piece.firstChild.data.indexOf(words);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(piece.firstChild, at);
          range.setEnd(piece.firstChild, at + words.length);
          range.startContainer.parentElement.scrollIntoView({block: 'center'});
          const rects = range.getClientRects();
          const first = rects[0], last = rects[rects.length - 1];
          return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2];
        }
        return null;""", words)
    assert box, words
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(box[0]), int(box[1])).pointer_down()
    actions.pointer_action.move_to_location(int(box[2]), int(box[3])).pointer_up()
    actions.perform()


def test_a_member_comments_on_a_passage_selected_with_the_mouse():
    global body, popover, posted
    # A member of industry selects a passage with the mouse and comments on it.
    choose_password(industry_id)
    driver.get(section_page)
    accessible("the section page with the comment form")
    drag_over("about online safety")
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "selection-popover").is_displayed())
    except Exception:
        pass
    popover = driver.find_element(By.ID, "selection-popover")
    check("selecting words opens the popover", popover.is_displayed() and driver.execute_script(
        "return window.getSelection().toString()").strip() == "about online safety",
        driver.execute_script("return window.getSelection().toString()"))
    popover.find_element(By.XPATH, ".//button[normalize-space()='Comment']").click()
    check("the form shows the selected passage", field("Passage").get_attribute("value") == "about online safety",
          field("Passage").get_attribute("value"))
    field("Comment").send_keys("Online safety covers more than advice.")
    screenshot("comment-form")
    press("Post comment")
    check("the comment is posted", "Your comment is posted." in driver.page_source)
    posted = comments()
    body = "Parents need *clear* advice about online safety.".encode()
    check("its passage is the exact bytes selected", len(posted) == 1 and posted[0]["anchor"]["quote"] == "about online safety"
          and posted[0]["anchor"]["start"] == body.find(b"about online safety"), posted)
    check("the comment is beside its passage", "Online safety covers more than advice."
          in driver.find_element(By.CSS_SELECTOR, ".block aside").text)


def test_a_member_suggests_a_change_with_the_keyboard_alone():
    global posted, replacement, selected, suggest, text
    # A member of civil society suggests a change with the keyboard alone: focus the text, Ctrl+Shift+Right selects
    # the first word, the visible button opens the form.
    choose_password(civil_id)
    driver.get(section_page)
    text = driver.find_element(By.CSS_SELECTOR, "[data-passage-root]")
    driver.execute_script("arguments[0].focus()", text)
    ActionChains(driver).key_down(Keys.CONTROL).key_down(Keys.SHIFT).send_keys(Keys.ARROW_RIGHT).key_up(Keys.SHIFT) \
        .key_up(Keys.CONTROL).perform()
    selected = driver.execute_script("return window.getSelection().toString()")
    check("Ctrl+Shift+Right selects the first word", selected.strip() == "Parents", repr(selected))
    suggest = button("Suggest a change to the selected words")
    suggest.send_keys(Keys.ENTER)
    check("the keyboard opens the form with the passage", field("Passage").get_attribute("value") == "Parents")
    replacement = field("Replacement text")
    check("the replacement starts as the passage", replacement.get_attribute("value") == "Parents")
    replacement.send_keys(Keys.END, " and carers")
    field("Comment").send_keys("Carers bring up children too.")
    button("Post comment").send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "Your comment is posted." in d.page_source)
    posted = comments()
    check("the suggestion is posted with its passage", len(posted) == 2 and posted[1]["anchor"]["quote"] == "Parents"
          and posted[1]["suggestion"] == "Parents and carers" and posted[1]["anchor"]["start"] == 0, posted)
    accessible("the section page after a suggestion")


def test_a_reply_in_a_comments_thread():
    # A reply in the first comment's thread.
    driver.find_element(By.CSS_SELECTOR, "#comment-1 a.reply-link").click()
    field("Your reply").send_keys("Agreed, and it should name who gives it.")
    press("Post reply")
    check("the reply joins the thread", "Agreed, and it should name who gives it." in
          driver.find_element(By.ID, "comment-1").text)


def test_a_second_browser_sees_changes_live():
    global announced, arrived, marker, second
    # A second browser on the same section: a facilitator's edit is announced without a reload.
    second = support.open_browser()
    choose_password(facilitator_id)
    second.get(section_page)
    WebDriverWait(second, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
    marker = second.execute_script("window.notReloaded = true; return true")
    status, _, _ = api("PUT", f"/strategies/{s}/sections/{section_id}", facilitator_token, {
        "heading": "Parents and carers",
        "body": "Parents and carers need *clear* advice about online safety.\n\n"
                "Schools teach digital skills from the first grade, in Zürich too.",
    }, headers={"If-Match": '"1"'})
    check("the section is edited through the API", status == 200)
    try:
        WebDriverWait(second, 10).until(lambda d: "Section changed" in d.find_element(By.ID, "live-status").text)
        announced = True
    except Exception:
        announced = False
    check("the other browser shows “Section changed — show the new revision” without reloading",
          announced and second.execute_script("return window.notReloaded === true") and marker)
    api("POST", f"/strategies/{s}/comments", industry_token, {"section": section_id, "body": "One more on the whole section."})
    try:
        WebDriverWait(second, 10).until(lambda d: "One more on the whole section." in d.page_source)
        arrived = True
    except Exception:
        arrived = False
    check("a new comment appears in its list without reloading", arrived)
    support.use(second)
    screenshot("section-live")
    second.find_element(By.XPATH, "//a[normalize-space()='show the new revision']").click()
    # The text as read (marked passages split it into pieces in the page's source).
    WebDriverWait(second, 10).until(lambda d: "Parents and carers need" in d.find_element(By.TAG_NAME, "main").text)
    check("the link shows the new revision", "Revision 2 of 2" in second.page_source)
    support.use(driver)
    second.quit()
    support.drivers.remove(second)


def test_a_member_proposes_with_a_preview_and_another_group_supports():
    global amendment, amendment_url, first, inserted, listed, text
    # A member proposes an amendment with a preview; a member of another group supports it.
    support.sign_in("florent@example.org")
    driver.get(section_page)
    follow("Propose an amendment")
    text = field("Text")
    text.clear()
    text.send_keys("Parents and carers need *clear* and kind advice about online safety.\n\n"
                   "Schools teach digital skills from the first grade, in Zürich too.")
    field("Rationale").send_keys("Kindness matters.")
    press("Preview")
    inserted = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".preview .redline ins")]
    check("Preview shows the word-level redline before anything is saved", any("kind" in t for t in inserted), inserted)
    status, listed, _ = api("GET", f"/strategies/{s}/amendments", facilitator_token)
    check("the preview saved nothing", status == 200 and listed["items"] == [], listed)
    accessible("the amendment form with a preview")
    screenshot("amendment-preview")
    press("Submit")
    check("Submit proposes the amendment", "Your amendment is proposed." in driver.page_source)
    amendment_url = driver.current_url.split("?")[0]
    first = int(amendment_url.rsplit("/", 1)[1])
    support.sign_in("blerta@example.org")
    driver.get(amendment_url)
    accessible("the amendment page with its actions")
    press("Support")
    status, amendment, _ = api("GET", f"/strategies/{s}/amendments/{first}", facilitator_token)
    check("a member of another group supports it", [p["name"] for p in amendment["supporters"]] == ["Blerta Gashi"], amendment)
    check("the textarea's line breaks are stored as LF, as the API takes them", "\r" not in amendment["body"], repr(amendment["body"]))


def test_colliding_amendments_are_accepted_and_resolved_on_the_desk():
    global current, resolved, second_amendment, together
    # A second amendment changes the same words: the facilitator sees the collision, accepts one and resolves the other.
    status, second_amendment, _ = api("POST", f"/strategies/{s}/sections/{section_id}/amendments", civil_token, {
        "baseRevision": 2, "rationale": "Simpler.",
        "body": "Parents and carers need *clear* and simple advice about online safety.\n\n"
                "Schools teach digital skills from the first grade, in Zürich too.",
    })
    check("a colliding amendment is proposed", status == 201, second_amendment)
    support.sign_in("arta@example.org")
    driver.get(f"{base}/app/strategies/{s}/desk")
    together = f"Amendments {first}, {second_amendment['number']} change the same words"
    check("the desk shows the colliding amendments together", together in main_text(), main_text()[:800])
    check("each shows what it proposes as a word redline", all(
        driver.find_elements(By.CSS_SELECTOR, f"#desk-amendment-{n} .redline.compact ins") for n in (first, second_amendment["number"])))
    accessible("the facilitator's desk")
    screenshot("desk")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"#desk-amendment-{first} button[type=submit]"))
    check("Accept on the desk merges and returns to the desk", "The amendment is accepted" in driver.page_source
          and "/desk" in driver.current_url)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"#desk-amendment-{second_amendment['number']} button[type=submit]"))
    check("the conflicting accept shows base, current and proposed", "Conflicts to resolve" in driver.page_source
          and "simple" in main_text() and "kind" in main_text())
    accessible("the conflict resolution")
    screenshot("amendment-conflict")
    resolved = field("Resolved text")
    check("the editor starts from the current text", "and kind advice" in resolved.get_attribute("value"))
    resolved.clear()
    resolved.send_keys("Parents and carers need *clear*, kind and simple advice about online safety.\n\n"
                       "Schools teach digital skills from the first grade, in Zürich too.")
    press("Accept resolved text")
    check("Accept resolved text returns to the desk, as Accept does", "/desk" in driver.current_url
          and "The amendment is accepted" in driver.page_source, driver.current_url)
    status, current, _ = api("GET", f"/strategies/{s}/sections/{section_id}", facilitator_token)
    check("the resolved text is the new revision", "kind and simple advice" in current["body"], current)


def test_suggestions_are_applied_in_one_batch():
    global after, current, numbers, posted, start
    # Two suggestions applied in one batch from the desk.
    status, current, _ = api("GET", f"/strategies/{s}/sections/{section_id}", facilitator_token)
    numbers = []
    for words, replacement in (("Schools", "All schools"), ("Zürich", "Prishtina")):
        start = current["body"].encode().find(words.encode())
        status, posted, _ = api("POST", f"/strategies/{s}/comments", industry_token, {
            "section": section_id, "revision": current["revision"], "kind": "editorial", "body": f"Say {replacement}.",
            "anchor": {"start": start, "end": start + len(words.encode())}, "suggestion": replacement,
        })
        numbers.append(posted["number"])
    driver.get(f"{base}/app/strategies/{s}/desk")
    for number in numbers:
        field(f"Select the suggestion of comment {number}").click()
    press("Apply selected suggestions")
    check("the selected suggestions are applied", "The suggestions are applied in one new revision." in driver.page_source)
    status, after, _ = api("GET", f"/strategies/{s}/sections/{section_id}", facilitator_token)
    check("both in one new revision", after["revision"] == current["revision"] + 1 and "All schools" in after["body"]
          and "Prishtina" in after["body"], after)


def test_a_comment_is_disposed_of_on_the_desk():
    global disposed, rows
    # A comment disposed of on the desk: the form opens in place.
    driver.find_element(By.CSS_SELECTOR, "#desk-comment-3 a.dispose-link").click()
    Select(field("Disposition")).select_by_value("noted")
    field("Response").send_keys("Thank you: noted for the next reading.")
    press("Dispose")
    status, disposed, _ = api("GET", f"/strategies/{s}/comments/3", facilitator_token)
    check("Dispose on the desk records the disposition and response", disposed.get("disposition") == "noted"
          and disposed.get("response") == "Thank you: noted for the next reading." and "/desk" in driver.current_url, disposed)
    driver.get(f"{base}/app/strategies/{s}/participation")
    accessible("the participation page")
    screenshot("participation")
    rows = {row.find_element(By.TAG_NAME, "th").text: row.text for row in driver.find_elements(By.CSS_SELECTOR, "tbody tr")}
    check("participation counts each group's amendments and comments", "Industry" in rows and "Civil society" in rows, rows)


def test_a_racing_direct_edit_is_merged():
    global body, current
    # A direct edit races another save: both are merged, shown, and saved.
    status, current, _ = api("GET", f"/strategies/{s}/sections/{section_id}", facilitator_token)
    driver.get(section_page)
    follow("Edit")
    body = field("Text")
    body.clear()
    body.send_keys(current["body"].replace("first grade", "first school year"))
    status, _, _ = api("PUT", f"/strategies/{s}/sections/{section_id}", facilitator_token, {
        "heading": "Parents and carers", "body": current["body"].replace("online safety", "safety online"),
    }, headers={"If-Match": f'"{current["revision"]}"'})
    check("the other save is taken first", status == 200, status)
    press("Save")
    check("the racing edit is merged and shown", "Both edits are merged" in driver.page_source)
    accessible("the edit page after a merge")
    press("Save")
    status, current, _ = api("GET", f"/strategies/{s}/sections/{section_id}", facilitator_token)
    check("both edits are in the saved text", "safety online" in current["body"] and "first school year" in current["body"],
          current["body"])


def test_a_draft_is_cut_signed_off_and_adopted():
    global civil_signatory, civil_signatory_token, industry_signatory, industry_signatory_token, strategy_now
    # A draft is cut, the phase moves, a signatory objects then approves, adoption is refused and then done.
    industry_signatory, industry_signatory_token = account("Ilir Berisha", "ilir@example.org")
    civil_signatory, civil_signatory_token = account("Vjosa Morina", "vjosa@example.org")
    member(s, industry_signatory, "signatory", "industry")
    member(s, civil_signatory, "signatory", "civil-society")
    # Cut a draft is found on the strategy page before any draft exists.
    driver.get(f"{base}/app/strategies/{s}")
    follow("Cut a draft")
    field("Title").send_keys("First reading")
    press("Cut draft")
    check("the draft is cut", "The draft is cut" in driver.page_source)
    accessible("a draft's page")
    for phase in ["Consultation", "Final review"]:
        driver.get(f"{base}/app/strategies/{s}")
        follow("Move to the next phase")
        check(f"the confirmation names {phase}", phase in driver.find_element(By.TAG_NAME, "h1").text)
        if phase == "Final review":
            check("it names what final review forbids", "forbids new amendments" in main_text())
            accessible("the phase confirmation")
        press(f"Move to {phase}")
        if phase == "Consultation":
            check("the phase move is announced", "moved to its next phase" in main_text())
            check("the notice leaves the address", "notice=" not in driver.current_url, driver.current_url)
            driver.refresh()
            check("a reload does not announce it again", "moved to its next phase" not in main_text())
    status, strategy_now, _ = api("GET", f"/strategies/{s}", facilitator_token)
    check("the strategy is in final review", strategy_now["phase"] == "final-review", strategy_now)
    # The sign-off board follows the groups' decisions while the strategy page is open.
    driver.get(f"{base}/app/strategies/{s}")
    board_before = driver.find_element(By.ID, "signoff-board-area").text
    api("POST", f"/strategies/{s}/drafts/1/signoffs", industry_signatory_token, {"decision": "approve"})
    try:
        # The board is replaced while it is read: a look at the old one is stale, and is simply taken again.
        WebDriverWait(driver, 10, ignored_exceptions=[StaleElementReferenceException]).until(
            lambda d: d.find_element(By.ID, "signoff-board-area").text != board_before)
        updated = "Approves" in driver.find_element(By.ID, "signoff-board-area").text
    except TimeoutException:
        updated = False
    check("the sign-off board shows a group's approval without a reload", updated)
    choose_password(signatory_id)
    driver.get(f"{base}/app/strategies/{s}/drafts/1")
    press("Object")
    check("an objection without a note is refused beside the field", "an objection must say why" in driver.page_source)
    field("Note").send_keys("The advice must name who gives it.")
    press("Object")
    check("the objection is recorded", "objection is recorded" in driver.page_source)
    api("POST", f"/strategies/{s}/drafts/1/signoffs", civil_signatory_token, {"decision": "approve"})
    support.sign_in("arta@example.org")
    driver.get(f"{base}/app/strategies/{s}/drafts/1")
    button("Adopt").click()
    driver.switch_to.alert.accept()
    WebDriverWait(driver, 10).until(lambda d: "not approved" in d.page_source)
    check("adoption is refused naming the group that has not approved", "have not approved this draft: Government" in main_text())
    support.sign_in("drita@example.org")
    driver.get(f"{base}/app/strategies/{s}/drafts/1")
    press("Approve")
    support.sign_in("arta@example.org")
    driver.get(f"{base}/app/strategies/{s}/drafts/1")
    button("Adopt").click()
    driver.switch_to.alert.accept()
    WebDriverWait(driver, 10).until(lambda d: "The strategy is adopted." in d.page_source)
    status, strategy_now, _ = api("GET", f"/strategies/{s}", facilitator_token)
    check("the strategy is adopted", strategy_now["phase"] == "adopted", strategy_now)
