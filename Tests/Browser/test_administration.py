"""Browser tests of starting a strategy (#25, in progress): an administrator who belongs to no strategy lands on a
home page that says what to do first, creates a strategy with New strategy and gives it a facilitator on its
Members page; each outcome is checked through the JSON API, axe-core checks every page.

  python3 -m pytest Tests/Browser/test_administration.py --binary .build-release/release/strategy --shots out/screenshots
"""

import pytest

import support
from support import PASSWORD, accessible, api, check, field, follow, main_text, press, screenshot
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


@pytest.fixture(scope="module", autouse=True)
def world(service, browser):
    """A second administrator, with an email and an invitation, who belongs to no strategy."""
    global base, admin_token, driver, admin_id, invitation, facilitator_id
    base, admin_token = service
    driver = browser
    status, body, _ = api("POST", "/accounts", admin_token, {"name": "Besa Morina", "email": "besa@example.org", "admin": True})
    check("an administrator is added", status == 201, body)
    admin_id = body["id"]
    status, invitation, _ = api("POST", f"/accounts/{admin_id}/invitations", admin_token, {})
    check("the administrator's invitation link is made", status == 201, invitation)
    status, body, _ = api("POST", "/accounts", admin_token, {"name": "Arben Hoti", "email": "arben@example.org"})
    check("a future facilitator has an account", status == 201, body)
    facilitator_id = body["id"]
    assert not support.failures, "the administrator could not be set up: " + "; ".join(support.failures)


def test_an_administrator_without_strategies_is_told_what_to_do_first():
    driver.get(invitation["url"])
    field("Password").send_keys(PASSWORD)
    field("Repeat password").send_keys(PASSWORD)
    press("Set password")
    check("the home page says how to start", "No strategy has been started yet." in driver.page_source)
    accessible("the home page of an administrator without strategies")
    screenshot("home-admin")


def test_an_administrator_creates_a_strategy():
    follow("New strategy")
    check("New strategy opens its form", driver.current_url == base + "/app/admin/strategies/new")
    accessible("the New strategy form")
    screenshot("new-strategy")
    check("the usual three groups are prefilled",
          [field(f"Group {n}").get_attribute("value") for n in (1, 2, 3)] == ["Government", "Civil society", "Industry"])
    field("Title").send_keys(" ")  # a blank title passes the browser's own check, not the service's
    press("Create strategy")
    check("a strategy without a title is refused beside its field",
          driver.find_element(By.ID, "title-error").is_displayed())
    accessible("the New strategy form with a refusal")
    field("Title").clear()
    field("Title").send_keys("Mbrojtja e fëmijëve në internet")
    field("Summary").send_keys("The national strategy for protecting children online, 2027–2030.")
    field("Group 4").send_keys("Academia")
    press("Create strategy")
    check("the new strategy's page opens", driver.current_url.startswith(base + "/app/strategies/"))
    strategy_id = driver.current_url.rstrip("/").split("/")[-1]
    status, strategy, _ = api("GET", f"/strategies/{strategy_id}", admin_token)
    check("the strategy exists through the API with its groups",
          status == 200 and strategy["title"] == "Mbrojtja e fëmijëve në internet" and strategy["phase"] == "drafting"
          and [g["key"] for g in strategy["groups"]] == ["government", "civil-society", "industry", "academia"], strategy)
    accessible("the new strategy's page")


def test_the_administrator_gives_the_strategy_a_facilitator():
    global strategy_id
    strategy_id = driver.current_url.rstrip("/").split("/")[-1]
    follow("Members")
    accessible("the Members page")
    check("the page says what each role does", "Runs the process" in main_text())
    field("Person").send_keys("arben@example.org")
    Select(field("Role")).select_by_visible_text("Facilitator")
    press("Add to the strategy")
    check("the member is saved", "The member is saved." in driver.page_source)
    accessible("the Members page with a member")
    screenshot("members")
    status, members, _ = api("GET", f"/strategies/{strategy_id}/members", admin_token)
    check("the facilitator is a member through the API", status == 200 and any(
        m["account"] == facilitator_id and m["role"] == "facilitator" for m in members["items"]), members)
