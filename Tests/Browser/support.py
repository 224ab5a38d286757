"""What the browser tests share: the release binary on a loopback port with a fresh database, its JSON API, headless
Chromium windows (Debian's chromium and chromium-driver, through Selenium), and the checks — fields found by their
labels, buttons by their words, every page checked by axe-core (a serious or critical violation fails).

`start(binary)` starts the service; `open_browser()` opens a window and makes it the one the helpers drive (`use`
switches between windows); `stop()` closes everything. The fixtures of conftest.py call them: each test module
gets a service of its own and a browser window, and a test fails when any of its checks does.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "tall ships sail at dawn"
SHOTS = "out/screenshots"
passed = 0
failures = []
pages_checked = 0
base = None
admin_token = None
server = None
driver = None
drivers = []


def check(name, condition, detail=""):
    global passed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failures.append(name)
        print(f"FAIL {name} {detail}")


# ---------------------------------------------------------------- the service and its JSON API


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, shots=SHOTS):
    """Starts the service on a fresh database with one admin; returns its base URL and the admin's token."""
    global base, admin_token, server, SHOTS
    SHOTS = shots
    os.makedirs(SHOTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="browser-test-")
    database = os.path.join(work, "browser.sqlite")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    admin_token = subprocess.run(
        [binary, "account", "add", "Browser admin", "--admin", "--database", database], check=True, capture_output=True, text=True
    ).stdout.strip().splitlines()[-1]
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--database", database, "--public-url", base], stdout=log, stderr=log
    )
    for _ in range(100):
        try:
            if api("GET", "/health")[0] == 200:
                return base, admin_token
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the service did not start")


def start_empty(binary, shots=SHOTS):
    """Starts the service on an empty database, as on its first run; returns its base URL and the setup link it
    printed for the first administrator."""
    global base, admin_token, server, SHOTS
    SHOTS = shots
    os.makedirs(SHOTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="browser-test-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    admin_token = None
    log_path = os.path.join(work, "serve.log")
    log = open(log_path, "w")
    server = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--database", os.path.join(work, "empty.sqlite"), "--public-url", base],
        stdout=log, stderr=log
    )
    for _ in range(100):
        with open(log_path) as printed:
            links = [line.strip() for line in printed if "/app/setup/" in line]
        if links:
            return base, links[0]
        time.sleep(0.1)
    raise RuntimeError("the service printed no setup link")


def api(method, path, token=None, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode(errors="replace")
            return response.status, (json.loads(text) if text and response.headers.get_content_type().endswith("json") else text), response.headers
    except urllib.error.HTTPError as error:
        text = error.read().decode(errors="replace")
        return error.code, (json.loads(text) if text.startswith("{") else text), error.headers


def account(name, email):
    status, body, _ = api("POST", "/accounts", admin_token, {"name": name, "email": email})
    assert status == 201, body
    return body["id"], body["token"]


def strategy(title, groups):
    status, body, _ = api("POST", "/strategies", admin_token, {"title": title, "summary": "A strategy for the browser tests.",
                                                                "groups": [{"key": g} for g in groups]})
    assert status == 201, body
    return body["id"]


def member(strategy_id, account_id, role, group=None):
    body = {"role": role} | ({"group": group} if group else {})
    status, answer, _ = api("PUT", f"/strategies/{strategy_id}/members/{account_id}", admin_token, body)
    assert status in (200, 201), answer


def password_for(account_id):
    """Gives the account the test password through its invitation link (as a person would choose it)."""
    status, invitation, _ = api("POST", f"/accounts/{account_id}/invitations", admin_token, {})
    assert status == 201, invitation
    return invitation["url"]


# ---------------------------------------------------------------- the browser


def open_browser():
    """A new headless Chromium window, made the one the helpers below drive."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"]:
        options.add_argument(argument)
    window = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    window.set_page_load_timeout(30)
    drivers.append(window)
    use(window)
    return window


def use(window):
    global driver
    driver = window


def sign_in(email):
    """Signs in through the sign-in form (after sign-out, if someone was signed in)."""
    driver.get(base + "/app/signin")
    if driver.find_elements(By.XPATH, "//button[normalize-space()='Sign out']"):
        press("Sign out")
    field("Email").send_keys(email)
    field("Password").send_keys(PASSWORD)
    press("Sign in")


def accessible(name):
    """Runs axe-core on the page; serious and critical violations fail the test."""
    global pages_checked
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    pages_checked += 1
    check(f"axe: {name} has no serious or critical violation", not serious,
          "; ".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['html'][:200]})" for v in serious))
    h1s = driver.find_elements(By.TAG_NAME, "h1")
    check(f"{name} has one h1 and a title", len(h1s) == 1 and driver.title.strip() != "")


def screenshot(name):
    for width in (1280, 360):
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height, 600), 4000))
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(SHOTS, f"{name}-{width}.png"))
        if width == 360:
            overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
            check(f"{name} fits 360 px without scrolling sideways", not overflow)
    driver.set_window_size(1280, 900)


def field(label):
    """The input a label names, as a person finds it."""
    element = driver.find_element(By.XPATH, f"//label[normalize-space()='{label}']")
    return driver.find_element(By.ID, element.get_attribute("for"))


def gone(element):
    """Whether the page `element` belongs to has been replaced. Chromium answers a look at an element of a page
    that has just gone either "stale element" or "node does not belong to the document": both mean gone."""
    def check(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def click_and_wait(element):
    """Clicks a button or link and waits until the browser has loaded the page it leads to."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(gone(page))
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def button(words):
    return driver.find_element(By.XPATH, f"//button[normalize-space()='{words}']")


def press(words):
    """Presses the button with these words and waits for the next page."""
    click_and_wait(button(words))


def follow(words):
    """Follows the link with these words and waits for the next page."""
    click_and_wait(driver.find_element(By.XPATH, f"//a[contains(normalize-space(), '{words}')]"))


def main_text():
    return driver.find_element(By.TAG_NAME, "main").text


def stop():
    """Closes the windows and stops the service (pytest's fixtures call it when a module's tests are done)."""
    global server
    for window in drivers:
        window.quit()
    drivers.clear()
    if server:
        server.terminate()
        server.wait(timeout=15)
        server = None
    print(f"\n{passed} checks passed, {len(failures)} failed; axe checked {pages_checked} pages; screenshots in {SHOTS}")
