"""pytest's fixtures for the browser tests: a service of its own for each test module (the release binary on a
loopback port with a fresh database), a Chromium window for the module, and the rule that a test fails when any
of its checks does (each check is still printed, so one run shows every broken one).

  python3 -m pytest Tests/Browser --binary .build-release/release/strategy --shots out/screenshots
"""
import os

import pytest

import support


def pytest_addoption(parser):
    parser.addoption("--binary", default=".build-release/release/strategy", help="the strategy binary to test")
    parser.addoption("--shots", default="out/screenshots", help="where screenshots go (ignored by git)")


@pytest.fixture(scope="module")
def service(request):
    """The service's base URL and its admin's token."""
    base, admin_token = support.start(os.path.realpath(request.config.getoption("--binary")), request.config.getoption("--shots"))
    yield base, admin_token
    support.stop()


@pytest.fixture(scope="module")
def browser(service):
    """The module's Chromium window, the one the helpers of support.py drive."""
    return support.open_browser()


@pytest.fixture(autouse=True)
def checks_pass():
    """A test passes only when every check it made did."""
    before = len(support.failures)
    yield
    failed = support.failures[before:]
    assert not failed, "failed checks: " + "; ".join(failed)
