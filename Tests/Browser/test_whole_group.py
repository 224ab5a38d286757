"""The whole working group, started in the browser from an empty database (#25): the first administrator comes in
through the setup link the service printed, creates a strategy, invites a facilitator and six members and gives
them their roles and groups; the facilitator builds an outline of twelve sections in four chapters (moving one
with the keyboard alone), imports a second strategy from a DocBook file and cuts a draft; a member creates an API
token and uses it. Nothing is done through the API but the checks; axe-core checks every new page.

  python3 -m pytest Tests/Browser/test_whole_group.py --binary .build-release/release/strategy --shots out/screenshots
"""

import os
import re
import tempfile

import pytest

import support
from support import PASSWORD, accessible, api, button, check, click_and_wait, field, follow, main_text, press, screenshot
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

PEOPLE = [
    # name, email, role, group
    ("Arta Krasniqi", "arta@example.org", "Facilitator", None),
    ("Driton Berisha", "driton@example.org", "Signatory", "Government"),
    ("Mimoza Hasani", "mimoza@example.org", "Member", "Government"),
    ("Blerta Gashi", "blerta@example.org", "Signatory", "Civil society"),
    ("Milan Jovanović", "milan@example.org", "Member", "Civil society"),
    ("Florent Shala", "florent@example.org", "Signatory", "Industry"),
    ("Vesna Petrović", "vesna@example.org", "Member", "Industry"),
]
CHAPTERS = {
    "Vision and principles": ["Children's rights online", "Shared responsibility"],
    "Prevention": ["Digital skills in schools", "Parents and carers"],
    "Protection": ["Reporting harmful content", "Help for victims"],
    "Governance": ["Coordination", "Monitoring and review"],
}
DOCBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0">
  <info><title>Regional action plan</title><abstract><para>Brought from a word processor.</para></abstract>
    <authorgroup><author><orgname>Government</orgname></author><author><orgname>Civil society</orgname></author></authorgroup>
  </info>
  <section><title>Aims</title><para>Every child <emphasis>safe</emphasis> online.</para>
    <informaltable><tgroup cols="1"><tbody><row><entry>2027</entry></row></tbody></tgroup></informaltable></section>
  <section><title>Actions</title><itemizedlist><listitem><para>Train teachers</para></listitem></itemizedlist></section>
</article>
"""


@pytest.fixture(scope="module")
def first_run(request):
    binary = os.path.realpath(request.config.getoption("--binary"))
    base, setup = support.start_empty(binary, request.config.getoption("--shots"))
    yield base, setup
    support.stop()


@pytest.fixture(scope="module", autouse=True)
def world(first_run):
    global base, setup_link, driver, links, admin_api
    base, setup_link = first_run
    driver = support.open_browser()
    links = {}
    admin_api = None


def token_of_the_page():
    """The text of the token a page has just shown once."""
    return driver.find_element(By.ID, "new-token").get_attribute("value")


def as_admin(method, path, body=None):
    return api(method, path, admin_api, body)


def test_the_first_administrator_comes_in_through_the_setup_link():
    global admin_api
    check("the service printed a setup link", "/app/setup/" in setup_link, setup_link)
    driver.get(setup_link)
    accessible("the first-run setup page")
    field("Name").send_keys("Besa Morina")
    field("Email").send_keys("besa@example.org")
    field("Password").send_keys(PASSWORD)
    field("Repeat password").send_keys(PASSWORD)
    press("Set password")
    check("the first administrator is told what to do first", "No strategy has been started yet." in main_text())
    # The administrator's own token, for the checks below: made on the API tokens page, as anyone makes one.
    driver.get(base + "/app/settings/tokens")
    field("Name").send_keys("Checks of the browser test")
    press("Create token")
    admin_api = token_of_the_page()
    status, me, _ = api("GET", "/me", admin_api)
    check("the administrator exists, with the token the page showed", status == 200 and me["admin"] and me["name"] == "Besa Morina", me)


def test_the_administrator_creates_the_strategy_and_invites_the_group():
    global strategy_id
    driver.get(base + "/app")
    follow("New strategy")
    field("Title").send_keys("Mbrojtja e fëmijëve në internet / Zaštita dece na internetu")
    field("Summary").send_keys("The national strategy for protecting children online, 2027–2030.")
    press("Create strategy")
    strategy_id = int(driver.current_url.rstrip("/").split("/")[-1])
    status, strategy, _ = as_admin("GET", f"/strategies/{strategy_id}")
    check("the strategy exists with the usual three groups", status == 200 and len(strategy["groups"]) == 3, strategy)
    driver.get(base + "/app")
    follow("Invite someone")
    check("Invite someone leads to the People page", driver.current_url.startswith(base + "/app/admin/people"))
    accessible("the People page")
    for name, email, _, _ in PEOPLE:
        field("Name").send_keys(name)
        field("Email").send_keys(email)
        press("Invite someone")
        links[email] = driver.find_element(By.ID, "invitation-link").get_attribute("value")
        check(f"the link for {name} is shown once, to send", links[email].startswith(base + "/app/invite/"))
    accessible("the People page with a link just issued")
    screenshot("people")
    status, accounts, _ = as_admin("GET", "/accounts?limit=100")
    emails = {a.get("email") for a in accounts["items"]}
    check("the seven people have accounts", all(email in emails for _, email, _, _ in PEOPLE), emails)
    check("each is listed with a pending invitation", main_text().count("Invitation pending") == 7)
    # Their roles and groups in the strategy.
    driver.get(f"{base}/app/strategies/{strategy_id}/members")
    for name, email, role, group in PEOPLE:
        field("Person").send_keys(email)
        Select(field("Role")).select_by_visible_text(role)
        if group:
            Select(field("Group")).select_by_visible_text(group)
        press("Add to the strategy")
    status, members, _ = as_admin("GET", f"/strategies/{strategy_id}/members")
    roles = sorted((m["role"], m.get("group") or "") for m in members["items"])
    check("seven members with their roles and groups", roles == sorted(
        [("facilitator", ""), ("signatory", "government"), ("member", "government"), ("signatory", "civil-society"),
         ("member", "civil-society"), ("signatory", "industry"), ("member", "industry")]), roles)


def test_the_facilitator_builds_the_outline():
    press("Sign out")
    driver.get(links["arta@example.org"])
    field("Password").send_keys(PASSWORD)
    field("Repeat password").send_keys(PASSWORD)
    press("Set password")
    driver.get(f"{base}/app/strategies/{strategy_id}")
    follow("Edit the outline")
    accessible("the empty outline editor")
    for chapter, sections in CHAPTERS.items():
        field("Heading").send_keys(chapter)
        # After Add section the form keeps the parent chosen last, for the next subsection: a chapter goes on top.
        Select(field("Under")).select_by_visible_text("The top level")
        press("Add section")
        check("Heading has the focus again after Add section", driver.switch_to.active_element.get_attribute("id") == "heading")
        for heading in sections:
            field("Heading").send_keys(heading)
            field("Text").send_keys(f"What the strategy says about {heading.lower()}.")
            Select(field("Under")).select_by_visible_text(next(o.text for o in Select(field("Under")).options if o.text.endswith(chapter)))
            press("Add section")
    status, outline, _ = as_admin("GET", f"/strategies/{strategy_id}/sections")
    numbered = [f'{s["number"]} {s["heading"]}' for s in outline["items"]]
    expected = []
    for number, (chapter, sections) in enumerate(CHAPTERS.items(), start=1):
        expected += [f"{number} {chapter}"] + [f"{number}.{n} {heading}" for n, heading in enumerate(sections, start=1)]
    check("twelve sections in four chapters", numbered == expected, numbered)
    accessible("the outline editor with twelve sections")
    screenshot("outline")
    # "Monitoring and review" (4.2) moves up and back down with the keyboard alone: Tab from its heading to a button,
    # Enter; after each move the focus is back in its row (on the button, or on the heading when the button has
    # nowhere to go any more).
    target = next(s for s in outline["items"] if s["heading"] == "Monitoring and review")
    row = f"section-{target['id']}"
    driver.execute_script("arguments[0].focus()", driver.find_element(By.ID, row).find_element(By.XPATH, ".//a"))

    def press_key_on(step):
        active = driver.switch_to.active_element
        for _ in range(4):
            if active.get_attribute("value") == step:
                break
            active.send_keys(Keys.TAB)
            active = driver.switch_to.active_element
        check(f"Tab reaches the section's {step} button", active.get_attribute("value") == step, active.get_attribute("outerHTML")[:200])
        page = driver.find_element(By.TAG_NAME, "html")
        active.send_keys(Keys.ENTER)
        support.WebDriverWait(driver, 15).until(support.gone(page))
        support.WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        status, now, _ = as_admin("GET", f"/strategies/{strategy_id}/sections")
        focused = driver.switch_to.active_element
        check(f"after {step}, the focus is in the moved section's row", focused.find_element(By.XPATH, "./ancestor::li[1]").get_attribute("id") == row,
              focused.get_attribute("outerHTML")[:200])
        return [f'{s["number"]} {s["heading"]}' for s in now["items"]]

    numbered = press_key_on("up")
    check("the section moved up with the keyboard", numbered[-2:] == ["4.1 Monitoring and review", "4.2 Coordination"], numbered)
    numbered = press_key_on("down")
    check("and back down", numbered[-2:] == ["4.1 Coordination", "4.2 Monitoring and review"], numbered)
    numbered = press_key_on("outdent")
    check("and out of its chapter, after it", numbered[-1] == "5 Monitoring and review", numbered)
    numbered = press_key_on("indent")
    check("and into it again, last", numbered[-1] == "4.2 Monitoring and review" and len(numbered) == 12, numbered)


def test_the_facilitator_imports_a_second_strategy():
    driver.get(base + "/app")
    follow("Import a DocBook document")
    accessible("the Import a DocBook document page")
    path = os.path.join(tempfile.mkdtemp(prefix="docbook-"), "action-plan.xml")
    with open(path, "w") as file:
        file.write(DOCBOOK)
    field("DocBook file").send_keys(path)
    press("Import")
    check("the strict import refuses the table and names it", "informaltable" in main_text(), main_text()[:400])
    accessible("the Import page with a refusal")
    field("DocBook file").send_keys(path)
    driver.find_element(By.ID, "mode-lenient").click()
    press("Import")
    check("the report says what was made and kept as plain text",
          "2 sections and 2 stakeholder groups" in main_text() and "informaltable" in main_text(), main_text()[:400])
    accessible("the import report")
    screenshot("import")
    status, strategies, _ = as_admin("GET", "/strategies?limit=100")
    imported = next((s for s in strategies["items"] if s["title"] == "Regional action plan"), None)
    check("the imported strategy exists", imported is not None, strategies)
    status, members, _ = as_admin("GET", f"/strategies/{imported['id']}/members")
    check("its importer facilitates it", [m["role"] for m in members["items"]] == ["facilitator"], members)


def test_the_facilitator_cuts_a_draft():
    driver.get(f"{base}/app/strategies/{strategy_id}")
    follow("Cut a draft")
    field("Title").send_keys("First draft for consultation")
    press("Cut draft")
    status, drafts, _ = as_admin("GET", f"/strategies/{strategy_id}/drafts")
    check("draft 1 holds the twelve sections", status == 200 and drafts["items"][0]["title"] == "First draft for consultation", drafts)
    status, draft, _ = as_admin("GET", f"/strategies/{strategy_id}/drafts/1")
    check("with all twelve", len(draft.get("sections", [])) == 12, str(draft)[:300])


def test_a_member_creates_an_api_token_and_uses_it():
    press("Sign out")
    driver.get(links["vesna@example.org"])
    field("Password").send_keys(PASSWORD)
    field("Repeat password").send_keys(PASSWORD)
    press("Set password")
    follow("Settings")
    follow("API tokens")
    accessible("the API tokens page")
    field("Name").send_keys("Comment export")
    press("Create token")
    token = token_of_the_page()
    check("the token is shown once", token.startswith("stk_"))
    accessible("the API tokens page with a new token")
    screenshot("tokens")
    status, me, _ = api("GET", "/me", token)
    check("the token works as the member", status == 200 and me["name"] == "Vesna Petrović"
          and any(m["strategy"] == strategy_id and m["role"] == "member" and m["group"] == "industry" for m in me["memberships"]), me)
    status, comments, _ = api("GET", f"/strategies/{strategy_id}/comments", token)
    check("and reads the strategy's comments", status == 200)
    driver.get(base + "/app/settings/tokens")
    row = driver.find_element(By.XPATH, "//th[normalize-space()='Comment export']/..").text
    check("the list shows its last use", "Never" not in row, row)
