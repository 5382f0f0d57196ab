"""Each role's main task end to end in Chromium, on the demo export analysed once per
session: the analyst uploads and reads the report, the coordinator finds the emerging
theme and names it, validators judge ten answers each and see the agreement update, the
admin manages accounts and reads the audit log. Every main page is checked with axe-core,
at 200 % zoom, and saved as a screenshot under test-artefakter/."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import (
    check_accessibility,
    check_zoom_reflow,
    login,
    screenshot,
)

pytestmark = pytest.mark.browser


def test_login_page_keyboard_and_accessibility(page: Any) -> None:
    page.goto("/logga-in")
    assert page.locator("html").get_attribute("lang") == "sv"
    # The username field has autofocus, so a keyboard user can type at once (Chromium applies
    # it at its next rendering step, which may come after the load event: wait for it).
    page.wait_for_function("document.activeElement && document.activeElement.id === 'anvandarnamn'")
    check_accessibility(page, "logga-in")
    page.get_by_label("Användarnamn").fill("analytiker")
    page.get_by_label("Lösenord").fill("fel lösenord")
    page.keyboard.press("Enter")
    page.get_by_role("alert").wait_for()
    assert "Fel användarnamn eller lösenord" in page.get_by_role("alert").inner_text()
    screenshot(page, "logga-in-fel")


def test_analyst_reads_report(page: Any, server: dict[str, Any], analysed: dict[str, Any]) -> None:
    login(page, "analytiker")
    page.goto(f"/korningar/{analysed['run_id']}/rapport")
    main = page.locator("main")
    text = main.inner_text()
    assert "förslag" in text
    # Themes with example answers
    assert page.locator("section[aria-labelledby^=tema-] blockquote.answer").count() >= 2
    # Target pictures with shares and confidence intervals, and flags
    table = page.get_by_role("table", name=re.compile("Förslag per område"))
    assert re.search(r"\d+\s%\s\(\d+\s%–\d+\s%\)", table.inner_text())
    assert page.locator(".flag.styrka, .flag.utmaning, .flag.blandad").count() >= 1
    # Breakdowns by gender, unit and source
    for caption in ("Kön", "Verksamhet", "Källa"):
        assert page.get_by_role("table", name=caption, exact=True).count() == 1
    # Run charts per month with control limits, readable as a table too
    charts = page.locator("svg.runchart")
    assert charts.count() >= 1
    assert "styrgräns" in charts.first.locator("desc").text_content()
    assert page.locator("svg.runchart path.limit").count() >= 2
    # Downloads answer with real files
    downloads = (
        (r"Ett svar per rad \(CSV", "text/csv"),
        ("En respondent per rad", "text/csv"),
        ("XLSX", "spreadsheetml"),
    )
    for name, ctype in downloads:
        href = page.get_by_role("link", name=re.compile(name)).get_attribute("href")
        resp = page.request.get(href)
        assert resp.status == 200 and ctype in resp.headers["content-type"]
    html_href = page.get_by_role("link", name=re.compile("fristående HTML")).get_attribute("href")
    assert page.request.get(html_href).status == 200
    check_accessibility(page, "rapport")
    screenshot(page, "analytiker-4-rapport")
    check_zoom_reflow(page, "rapport")


def test_coordinator_finds_emerging_theme_and_names_it(
    page: Any, server: dict[str, Any], analysed: dict[str, Any]
) -> None:
    login(page, "samordnare")
    page.goto("/projekt")
    page.get_by_role("link", name=re.compile("Nytt och växande")).click()
    page.wait_for_url("**/nytt")
    first = page.locator("#vaxande ~ section.card").first
    assert first.count() == 1, "inget nytt eller växande tema hittades"
    body = first.inner_text().lower()
    # The demo export's rising theme is long waits / phone queues.
    assert re.search(r"vänt|telefon|kö", body), body[:500]
    assert first.locator("blockquote.answer").count() >= 1
    check_accessibility(page, "nytt")
    screenshot(page, "samordnare-1-nytt")
    first.get_by_label("Ge temat ett namn").fill("Väntetider och telefonköer")
    first.get_by_role("button", name="Spara namnet").click()
    page.wait_for_load_state()
    assert "Temat har fått sitt namn." in page.get_by_role("status").first.inner_text()
    assert page.get_by_role("heading", name=re.compile("Väntetider och telefonköer")).count() >= 1
    # Record an insight based on it
    page.get_by_label("Insikt", exact=True).fill("Telefontiderna räcker inte till")
    page.get_by_label("Underlag: teman").select_option(index=0)
    page.get_by_role("button", name="Spara insikten").click()
    page.wait_for_load_state()
    assert "Telefontiderna räcker inte till" in page.locator("main").inner_text()
    screenshot(page, "samordnare-2-namngivet")
    check_zoom_reflow(page, "nytt")


def _validate(page: Any, project_id: int, n: int, keys: list[str]) -> None:
    """n judgements on the validator page by keyboard (saved in place by validera.js)."""
    page.goto(f"/projekt/{project_id}/validera")
    for i in range(n):
        page.locator("#etiketter").wait_for()
        before = page.locator("input[name=record_id]").get_attribute("value")
        key = keys[i % len(keys)]
        if key == "a":  # another area: A moves to the labels, tick one more, then J saves
            page.keyboard.press("a")
            page.locator("#fler-omraden input[type=checkbox]").first.check()
            page.keyboard.press("j")
        else:
            page.keyboard.press(key)
        page.wait_for_function(
            "prev => { const el = document.querySelector('input[name=record_id]'); return !el || el.value !== prev; }",
            arg=before,
        )


def test_validators_judge_ten_answers_and_see_agreement(
    browser: Any, page: Any, server: dict[str, Any], analysed: dict[str, Any]
) -> None:
    from tests.browser.conftest import new_page

    pid = server["project_id"]
    other = new_page(browser, server)
    try:
        login(other, "granskare2")
        _validate(other, pid, 10, ["j", "j", "n", "j", "v"])
    finally:
        other.context.close()

    login(page, "granskare1")
    page.goto(f"/projekt/{pid}/validera")
    labels = page.locator("#etiketter").inner_text()
    # The model's suggestions, pre-ticked, with the one wording of confidence.
    assert re.search(r"\(förslag: (mycket troligt|troligt|möjligt|osäkert|mindre troligt) \(\d+\s%\)\)", labels), labels
    assert page.locator("#etiketter input[type=checkbox]:checked").count() >= 1
    assert "Samstämmighet" not in page.locator("main").inner_text()  # on the coordinator's pages now
    check_accessibility(page, "validera")
    screenshot(page, "granskare-1-validera")
    _validate(page, pid, 10, ["j", "n", "a", "j", "v"])
    assert re.search(r"Du har granskat \d+ av", page.locator("#framsteg").inner_text())
    page.get_by_role("link", name="Mina bedömningar").click()
    page.wait_for_url("**/validera/mina")
    agreement = page.locator("#min-samstammighet").inner_text()
    assert re.search(r"samma svar \d+ gånger\. Ni var överens i \d+\s% av jämförelserna", agreement), agreement
    check_accessibility(page, "validera-mina")
    screenshot(page, "granskare-2-mina-bedomningar")
    page.goto(f"/projekt/{pid}/validera")
    check_zoom_reflow(page, "validera")


def test_admin_manages_users_and_reads_audit_log(page: Any, server: dict[str, Any]) -> None:
    login(page, "admin")
    assert page.url.endswith("/admin")
    # Keyboard only: the first Tab reaches the skip link, Enter moves focus to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "innehall"
    check_accessibility(page, "admin")
    # Organisations are a list: added first, then chosen for the account (issue 17).
    page.locator("#ny-org").fill("Hjärnkoll Värmland")
    page.get_by_role("button", name="Lägg till organisationen").click()
    page.wait_for_load_state()
    assert "Organisationen är skapad." in page.get_by_role("status").first.inner_text()
    page.get_by_label("Användarnamn", exact=True).fill("ny.granskare")
    page.get_by_label("Lösenord").fill("ett-langt-losenord")
    page.get_by_label("Roll").select_option("validator")
    page.get_by_label(re.compile("^Organisation")).select_option("Hjärnkoll Värmland")
    page.get_by_role("button", name="Skapa kontot").click()
    page.wait_for_load_state()
    assert "Användaren är skapad." in page.get_by_role("status").first.inner_text()
    orgs = page.get_by_role("table", name="Alla organisationer").inner_text()
    assert "Hjärnkoll Värmland\t1" in orgs
    page.get_by_label("Händelse", exact=True).select_option("anvandare_skapad")
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_load_state()
    log = page.get_by_role("table", name=re.compile("Senaste händelserna")).inner_text()
    assert "anvandare_skapad" in log and "admin" in log
    screenshot(page, "admin-1")
    check_zoom_reflow(page, "admin")


def test_coordinator_settles_a_disputed_label_in_joint_analysis(
    browser: Any, page: Any, server: dict[str, Any], analysed: dict[str, Any]
) -> None:
    from tests.browser.conftest import new_page

    pid = server["project_id"]
    # Two validators disagree on one answer: one through the page, one through the API.
    first = new_page(browser, server)
    try:
        login(first, "granskare1")
        first.goto(f"/projekt/{pid}/validera")
        first.locator("#forslaget").wait_for()
        rid = int(first.locator("input[name=record_id]").get_attribute("value"))
        label = first.locator("input[name=foreslagen]").first.get_attribute("value")
        first.get_by_text("Lägg till en kommentar").click()
        first.get_by_label(re.compile("^Kommentar")).fill("Tydligt om just det här.")
        first.get_by_role("button", name=re.compile("^Stämmer")).first.click()
        first.wait_for_function(
            "prev => { const el = document.querySelector('input[name=record_id]'); return !el || el.value !== prev; }",
            arg=str(rid),
        )
    finally:
        first.context.close()
    second = new_page(browser, server)
    try:
        login(second, "granskare2")
        csrf = second.locator("input[name=csrf_token]").first.get_attribute("value")
        resp = second.request.post(
            f"/api/records/{rid}/decisions",
            headers={"X-CSRF-Token": csrf},
            data={
                "label_id": label,
                "taxonomy_id": "samsjuklighet",
                "decision": "reject",
                "comment": "Handlar om något annat.",
            },
        )
        assert resp.status == 201, resp.text()
    finally:
        second.context.close()

    login(page, "samordnare")
    page.get_by_role("link", name=re.compile("Gemensam analys")).first.click()
    page.wait_for_url("**/omstridda")
    card = page.locator("section.card", has=page.get_by_text("Handlar om något annat.")).first
    assert card.count() == 1
    text = card.inner_text()
    assert "Tydligt om just det här." in text and "RSMH Värmland" in text and "Attention Värmland" in text
    assert page.get_by_role("table", name="Samstämmighet per etikett mellan granskare").count() == 1
    check_accessibility(page, "omstridda")
    screenshot(page, "samordnare-3-gemensam-analys")
    card.get_by_label("Etiketten stämmer inte").check()
    card.get_by_label(re.compile("^Motivering")).fill("Vi enades om att svaret handlar om något annat.")
    card.get_by_role("button", name=re.compile("Spara gemensamt beslut")).click()
    page.wait_for_load_state()
    assert "Ert gemensamma beslut är sparat." in page.get_by_role("status").first.inner_text()
    assert page.get_by_text("Handlar om något annat.").count() == 0
    check_zoom_reflow(page, "omstridda")


def test_analyst_opens_model_versions_and_erases_a_respondent(
    page: Any, server: dict[str, Any], analysed: dict[str, Any]
) -> None:
    login(page, "analytiker")
    page.get_by_role("link", name=re.compile("Modellversioner")).first.click()
    page.wait_for_url("**/modeller")
    assert re.search(r"Det finns \d+ granskade svar", page.locator("#antal-exempel").inner_text())
    assert page.locator("#aktiv-version").inner_text().strip()
    check_accessibility(page, "modeller")
    screenshot(page, "analytiker-5-modeller")
    check_zoom_reflow(page, "modeller")

    page.goto("/projekt")
    page.get_by_role("link", name=re.compile("Radera allt om en respondent")).first.click()
    page.wait_for_url("**/radera")
    check_accessibility(page, "radera")
    raw_id = "finns-inte-4711"
    page.get_by_label(re.compile("^Respondentens id")).fill(raw_id)
    page.get_by_role("button", name="Sök").click()
    page.wait_for_load_state()
    assert "Inga svar i projektet" in page.locator("#hittade").inner_text()
    assert raw_id not in page.content()
    check_accessibility(page, "radera-bekrafta")
    page.get_by_label(re.compile("^Skriv respondentens id igen")).fill(raw_id)
    page.get_by_label(re.compile("inte går att ångra")).check()
    page.get_by_role("button", name="Radera").click()
    page.wait_for_load_state()
    assert "Raderingen är klar: 0 svar" in page.locator("#raderat").inner_text()
    assert raw_id not in page.content()


def test_analyst_uploads_the_projects_own_taxonomy(page: Any, server: dict[str, Any]) -> None:
    from tests.test_web_taxonomy import OWN

    login(page, "analytiker")
    page.goto("/projekt")
    page.get_by_role("link", name=re.compile("Projektets taxonomi")).first.click()
    page.wait_for_url("**/taxonomi")
    check_accessibility(page, "taxonomi")
    # a mistake first: the error is shown and the pasted text stays in the box
    page.get_by_label(re.compile("klistra in")).fill(OWN.replace("    title: Tillgänglighet\n", ""))
    page.get_by_role("button", name="Kontrollera och spara").click()
    page.wait_for_load_state()
    assert "Fel i taxonomifilen som laddades upp" in page.get_by_role("alert").inner_text()
    assert "Vårdupplevelse (test)" in page.get_by_label(re.compile("klistra in")).input_value()
    check_accessibility(page, "taxonomi-fel")
    page.get_by_label(re.compile("klistra in")).fill(OWN)
    page.get_by_role("button", name="Kontrollera och spara").click()
    page.wait_for_load_state()
    assert "Version 1" in page.locator("#aktuell-version").inner_text()
    assert page.locator("#etiketter tbody tr").count() == 2
    check_accessibility(page, "taxonomi-sparad")
    screenshot(page, "analytiker-7-taxonomi")
    check_zoom_reflow(page, "taxonomi")


def test_analyst_opens_the_document_upload(page: Any, server: dict[str, Any]) -> None:
    """The document form (issue 17): reachable from the projects page, accessible, at 200 %."""
    login(page, "analytiker")
    page.goto("/projekt")
    page.get_by_role("link", name=re.compile("Ladda upp berättelser och anteckningar")).first.click()
    page.wait_for_url("**/dokument")
    assert page.get_by_label(re.compile("^Källa")).input_value() == "berattelse"
    check_accessibility(page, "dokument")
    screenshot(page, "analytiker-6-dokument")
    check_zoom_reflow(page, "dokument")


def test_the_remaining_pages_pass_axe_at_every_size(
    page: Any, server: dict[str, Any], analysed: dict[str, Any]
) -> None:
    """Account, password, residual risk (the analyst's summary and the admin's audited view) and
    an error page: axe at 1280 px, 200 % zoom and 375 px, like every other page."""
    pid = server["project_id"]
    login(page, "analytiker")
    for name, path in (("konto", "/konto"), ("losenord", "/konto/losenord"), ("restrisk", f"/projekt/{pid}/restrisk")):
        page.goto(path)
        check_accessibility(page, name)
    page.goto("/projekt/999999/svar")
    assert page.get_by_role("heading", level=1).count() == 1
    check_accessibility(page, "fel")
    page.goto("/logga-in")
    page.context.clear_cookies()
    login(page, "admin")
    page.goto(f"/projekt/{pid}/restrisk")
    page.get_by_role("link", name=re.compile("Granska orden i sitt sammanhang")).first.click()
    page.wait_for_load_state()
    check_accessibility(page, "restrisk-granska")
