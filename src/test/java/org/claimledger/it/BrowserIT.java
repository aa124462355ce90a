package org.claimledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimledger.testing.ExternalTools;
import org.claimledger.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The historians' pages as a new user meets them: the packaged service started on an empty ledger
 * (so the corpus is loaded as on a first start), read and used in Debian's headless Chromium.
 * Screenshots of the board and the demolition question go to target/screenshots.
 */
class BrowserIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMOLITION = "krakow-1945/demolition-prevented-by";
    static final String DEMOLITION_QUESTION = "Who prevented the Germans from blowing up Kraków in January 1945?";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Every piece of visible text whose contrast with what lies behind it is below 4.5:1 (WCAG 2 AA). */
    static final String CONTRAST = """
            const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const behind = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3); } return [255, 255, 255]; };
            const out = [];
            document.querySelectorAll('body *').forEach(e => {
              const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
              if (!own || !e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') return;
              const style = getComputedStyle(e);
              if (parseFloat(style.opacity) < 1) return;
              const a = lum(rgb(style.color)), b = lum(behind(e));
              const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              if (ratio < 4.5) out.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2) + ' ' + e.textContent.trim().slice(0, 30));
            });
            return out;""";

    static ServiceProcess service;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = firstExisting("/usr/bin/chromedriver");
        if (chromium == null || driver == null) {
            throw ExternalTools.missing("Debian's chromium and chromium-driver are needed for the browser tests: "
                    + "apt-get install chromium chromium-driver");
        }
        service = new ServiceProcess(Path.of("target", "it-data", "browser-" + System.currentTimeMillis()));
        service.start();
        base = "http://127.0.0.1:" + service.port();
        org.awaitility.Awaitility.await("the corpus loaded").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> service.get("/api/disputes?limit=200").body().contains(DEMOLITION));
        service.awaitReadModels();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // the flags that work on this machine's closed network (see the env notes); a fresh profile each run
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en",
                "--user-data-dir=" + Files.createTempDirectory("claimledger-chromium"));
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void forgetTheToken() {
        if (browser.getCurrentUrl().startsWith(base)) {
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        }
    }

    @Test
    void the_board_lists_the_kraków_disputes_from_the_corpus_first() throws Exception {
        browser.get(base + "/");
        List<WebElement> rows = browser.findElements(By.cssSelector("#board-rows > li.row"));
        assertThat(rows).isNotEmpty();
        List<String> statuses = rows.stream().map(r -> r.findElement(By.cssSelector(".badge")).getText()).toList();
        int firstOther = statuses.indexOf(statuses.stream().filter(s -> !s.equals("Contested")).findFirst().orElse("none"));
        assertThat(statuses.subList(0, firstOther)).as("contested first").isNotEmpty().containsOnly("Contested");
        assertThat(statuses.subList(firstOther, statuses.size())).doesNotContain("Contested");
        WebElement demolition = browser.findElement(By.cssSelector("li.row[data-id='" + DEMOLITION + "']"));
        // the Polish ó arrives intact through the corpus, the database and the page
        assertThat(demolition.findElement(By.cssSelector("a.question")).getText()).isEqualTo(DEMOLITION_QUESTION);
        assertThat(demolition.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Contested");
        assertThat(demolition.findElements(By.cssSelector(".side-name")).stream().map(WebElement::getText))
                .contains("Home Army", "not NKVD");
        assertThat(demolition.getText()).contains("2 independent lines");
        screenshot("board.png");

        // free text ignores case and diacritics: "KRAKOW" finds Kraków; the language filter narrows to Dutch sources
        browser.findElement(By.id("f-q")).sendKeys("KRAKOW germans");
        new Select(browser.findElement(By.id("f-lang"))).selectByValue("nl");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("lang=nl"));
        List<String> found = browser.findElements(By.cssSelector("#board-rows > li.row")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
        assertThat(found).contains(DEMOLITION).allMatch(id -> id.startsWith("krakow-1945/"));
    }

    @Test
    void the_demolition_question_shows_both_camps_with_their_quotes_and_translations() throws Exception {
        browser.get(base + "/");
        browser.findElement(By.linkText(DEMOLITION_QUESTION)).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.titleContains("Kraków"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(DEMOLITION_QUESTION);
        assertThat(browser.findElement(By.id("verdict-status")).getText()).isEqualTo("Contested");

        List<WebElement> positions = browser.findElements(By.cssSelector("article.position"));
        List<String> headings = positions.stream().map(p -> p.findElement(By.tagName("h2")).getText()).toList();
        assertThat(headings).contains("Home Army", "NKVD", "not NKVD");
        WebElement nkvd = positions.get(headings.indexOf("NKVD"));
        assertThat(nkvd.getText()).contains("Conflicts with: not NKVD")
                .contains("2 sources counted as one").contains("shared origin soviet-state");
        WebElement quote = nkvd.findElement(By.cssSelector("figure[data-claim='soviet-accounts-nkvd-demining/nkvd-defused-explosives'] blockquote"));
        assertThat(quote.getAttribute("lang")).isEqualTo("nl");
        assertThat(quote.getText()).contains("speciaal getrainde groep van NKVD-officieren");
        assertThat(nkvd.getText()).contains("According to Soviet sources it was a specially trained group of NKVD officers");
        WebElement historians = positions.get(headings.indexOf("not NKVD"));
        assertThat(historians.findElement(By.tagName("blockquote")).getText())
                .contains("door vele historici bestempeld als propaganda");
        assertThat(historians.getText()).contains("grade C");
        assertThat(browser.findElements(By.cssSelector("svg.timeline circle"))).hasSizeGreaterThanOrEqualTo(4);
        screenshot("proposition.png");
    }

    @Test
    void the_source_time_slider_at_1970_redraws_the_verdict_from_the_sources_published_by_then() {
        browser.get(base + "/propositions/" + DEMOLITION);
        waitFor(d -> d.findElement(By.id("verdict-status")).getText().equals("Contested"));
        markPage();

        WebElement slider = browser.findElement(By.id("year"));
        assertThat(Integer.parseInt(slider.getAttribute("min"))).isLessThanOrEqualTo(1970);
        // as a hand moving it: the value changes, then the change is committed
        ((JavascriptExecutor) browser).executeScript("const s = arguments[0]; s.value = 1970;"
                + "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));", slider);

        waitFor(d -> d.findElement(By.id("verdict-status")).getText().startsWith("Unattested")
                && d.findElement(By.cssSelector("#verdict .verdict")).getText().contains("from sources published up to 1970"));
        assertThat(browser.findElement(By.id("year-shown")).getText()).isEqualTo("1970");
        assertThat(browser.getCurrentUrl()).contains("publishedBefore=1970");
        assertThat(pageWasNotReloaded()).isTrue();

        browser.findElement(By.id("year-reset")).click();
        waitFor(d -> d.findElement(By.id("verdict-status")).getText().startsWith("Contested"));

        // with the keyboard alone: Home moves the slider to its earliest year, and the verdict follows
        WebElement keyboardSlider = browser.findElement(By.id("year"));
        String earliest = keyboardSlider.getAttribute("min");
        keyboardSlider.sendKeys(org.openqa.selenium.Keys.HOME);
        waitFor(d -> d.findElement(By.cssSelector("#verdict .verdict")).getText()
                .contains("from sources published up to " + earliest));
        assertThat(browser.findElement(By.id("verdict-status")).getText()).startsWith("Unattested");
    }

    @Test
    void the_slider_names_the_undated_sources_it_leaves_out_and_its_far_end_is_now_the_live_verdict() throws Exception {
        browser.get(base + "/propositions/" + DEMOLITION);
        waitFor(d -> d.findElement(By.id("verdict-status")).getText().equals("Contested"));
        WebElement slider = browser.findElement(By.id("year"));
        assertThat(slider.getAttribute("value")).as("the slider starts at now").isEqualTo(slider.getAttribute("max"));
        assertThat(browser.findElement(By.id("year-shown")).getText()).isEqualTo("now");
        markPage();

        ((JavascriptExecutor) browser).executeScript("const s = arguments[0]; s.value = 2010;"
                + "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));", slider);
        waitFor(d -> d.findElements(By.cssSelector("#left-out [data-undated]")).size() == 4);
        List<String> undated = browser.findElements(By.cssSelector("#left-out [data-undated]")).stream()
                .map(e -> e.getAttribute("data-undated")).sorted().toList();
        assertThat(undated).containsExactly("historians-nkvd-story-propaganda", "home-army-account-krakow-1945",
                "slag-om-krakow-1945-nl", "soviet-accounts-nkvd-demining");
        assertThat(browser.findElement(By.id("left-out")).getText()).contains("Left out, undated")
                .contains("Soviet accounts of the NKVD demining of Kraków");
        assertThat(pageWasNotReloaded()).isTrue();
        screenshot("proposition-undated-left-out.png");

        // the far right end is now: every source heard again, nothing left out
        ((JavascriptExecutor) browser).executeScript("const s = arguments[0]; s.value = s.max;"
                + "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));", slider);
        waitFor(d -> d.findElement(By.id("verdict-status")).getText().equals("Contested")
                && d.findElements(By.id("left-out")).isEmpty());
        assertThat(browser.findElement(By.id("year-shown")).getText()).isEqualTo("now");
        assertThat(browser.getCurrentUrl()).doesNotContain("publishedBefore");
    }

    @Test
    void a_claim_posted_through_the_api_appears_on_an_open_page_within_two_seconds_without_a_reload() throws Exception {
        String question = "krakow-1945/city-taken-intact";
        browser.get(base + "/propositions/" + question);
        markPage();
        String claimId = "eyewitnesses-krakow-1945/api-live-" + System.nanoTime();
        long posted = System.nanoTime();
        var answer = service.post("/api/sources/eyewitnesses-krakow-1945/claims", JSON.createObjectNode()
                .put("id", claimId).put("propositionId", question).put("stance", "asserts")
                .put("locator", "p. 1").put("quote", "Miasto ocalało, ale most Dębnicki wysadzono.")
                .put("quoteLanguage", "pl").put("translation", "The city survived, but the Dębniki bridge was blown up.")
                .set("value", JSON.createObjectNode().put("boolean", true)).toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

        WebElement shown = new WebDriverWait(browser, Duration.ofSeconds(2))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-claim='" + claimId + "']")));
        double seconds = (System.nanoTime() - posted) / 1e9;
        System.out.printf("claim shown on the open page %.2f s after the POST%n", seconds);
        assertThat(shown).isNotNull();
        // marked as new, and still marked after the verdict's own update redraws the page
        waitFor(d -> {
            WebElement claim = d.findElement(By.cssSelector("[data-claim='" + claimId + "']"));
            return claim.getAttribute("class").contains("changed") && claim.getText().startsWith("new")
                    && claim.getText().contains("Miasto ocalało, ale most Dębnicki wysadzono.");
        });
        assertThat(pageWasNotReloaded()).isTrue();
    }

    @Test
    void a_contributor_records_a_claim_through_the_form() throws Exception {
        String question = "krakow-1945/demolition-prevented-by";
        browser.get(base + "/propositions/" + question);
        markPage();
        useToken(service.token());

        String claimId = "eyewitnesses-krakow-1945/form-" + System.nanoTime();
        browser.findElement(By.id("c-source")).sendKeys("eyewitnesses-krakow-1945");
        browser.findElement(By.id("c-id")).sendKeys(claimId);
        new Select(browser.findElement(By.id("c-stance"))).selectByValue("asserts");
        browser.findElement(By.id("c-entity")).sendKeys("ak");
        browser.findElement(By.id("c-locator")).sendKeys("p. 7");
        browser.findElement(By.id("c-quote")).sendKeys("To akowcy rozbroili ładunki pod Wawelem.");
        browser.findElement(By.id("c-lang")).sendKeys("pl");
        browser.findElement(By.id("c-translation")).sendKeys("It was the AK men who disarmed the charges under Wawel.");
        browser.findElement(By.cssSelector("#claim-form button[type=submit]")).click();

        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#claim-form .done")));
        assertThat(done.getText()).contains("Recorded: " + claimId);
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-claim='" + claimId + "']")));
        JsonNode stored = JSON.readTree(service.get("/api/propositions/" + question).body());
        assertThat(stored.get("claims").findValuesAsText("id")).contains(claimId);
        assertThat(stored.get("claims").toString()).contains("To akowcy rozbroili ładunki pod Wawelem.");
        assertThat(pageWasNotReloaded()).isTrue();
    }

    @Test
    void a_bad_form_entry_shows_the_problem_beside_the_field_it_names_and_writes_nothing() throws Exception {
        String question = "krakow-1945/city-taken-intact";
        browser.get(base + "/propositions/" + question);
        useToken(service.token());
        String claimId = "eyewitnesses-krakow-1945/bad-" + System.nanoTime();
        browser.findElement(By.id("c-source")).sendKeys("eyewitnesses-krakow-1945");
        browser.findElement(By.id("c-id")).sendKeys(claimId);
        browser.findElement(By.id("c-quote")).sendKeys("Nic nie zostało zniszczone.");
        browser.findElement(By.id("c-lang")).sendKeys("polish!");
        browser.findElement(By.cssSelector("#claim-form button[type=submit]")).click();

        WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("#claim-form [data-error-for='quoteLanguage']")));
        assertThat(problem.getText()).contains("'polish!' is not a BCP 47 language tag");
        assertThat(browser.findElement(By.id("c-lang")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#claim-form .form-problem")).getText()).contains("Invalid input");
        assertThat(service.get("/api/propositions/" + question).body()).doesNotContain(claimId);

        // a source the ledger does not know is named beside the source field
        browser.findElement(By.id("c-lang")).clear();
        browser.findElement(By.id("c-lang")).sendKeys("pl");
        browser.findElement(By.id("c-source")).clear();
        browser.findElement(By.id("c-source")).sendKeys("no-such-source");
        browser.findElement(By.cssSelector("#claim-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("c-source-error")).getText()
                .contains("no-such-source"));
        assertThat(browser.findElement(By.id("c-lang-error")).getText()).isEmpty();
    }

    @Test
    void the_board_marks_a_question_whose_verdict_changed_without_a_reload() throws Exception {
        browser.get(base + "/?subject=krakow");
        markPage();
        String question = "krakow-1945/red-army-entry-date";
        String claimId = "eyewitnesses-krakow-1945/board-live-" + System.nanoTime();
        var answer = service.post("/api/sources/eyewitnesses-krakow-1945/claims", JSON.createObjectNode()
                .put("id", claimId).put("propositionId", question).put("stance", "asserts")
                .set("value", JSON.createObjectNode().put("date", "1945-01-17")).toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        waitFor(d -> {
            WebElement row = d.findElement(By.cssSelector("li.row[data-id='" + question + "']"));
            return row.getAttribute("class").contains("changed") && row.getText().startsWith("updated");
        });
        assertThat(pageWasNotReloaded()).isTrue();
    }

    @Test
    void a_contributor_registers_a_source_and_a_bad_date_is_named_beside_its_field() {
        browser.get(base + "/contribute");
        useToken(service.token());
        String id = "kronika-krakowska-" + System.nanoTime();
        browser.findElement(By.id("s-id")).sendKeys(id);
        browser.findElement(By.id("s-title")).sendKeys("Kronika Krakowska, styczeń 1945");
        browser.findElement(By.id("s-authors")).sendKeys("Jan Kowalski\nAnna Nowak");
        new Select(browser.findElement(By.id("s-kind"))).selectByValue("press");
        browser.findElement(By.id("s-published")).sendKeys("1945-13");
        browser.findElement(By.id("s-language")).sendKeys("pl");
        browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("s-published-error")).getText()
                .equals("'1945-13' is not a calendar date: there is no month 13"));
        assertThat(browser.findElement(By.id("s-published")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.findElement(By.id("s-published")).clear();
        browser.findElement(By.id("s-published")).sendKeys("1945-01");
        browser.findElement(By.cssSelector("#source-form button[type=submit]")).click();
        waitFor(d -> d.findElement(By.cssSelector("#source-form .done")).getText().contains("Registered: " + id));
        assertThat(browser.findElement(By.id("s-published-error")).getText()).isEmpty();

        // the token is kept for the session: the new source's own page still knows who is writing
        browser.findElement(By.linkText("Open its page.")).click();
        waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Kronika Krakowska, styczeń 1945"));
        assertThat(browser.findElement(By.id("token-who")).getText()).startsWith("Writing as it-historian");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("Jan Kowalski, Anna Nowak")
                .contains("1945-01");
    }

    @Test
    void a_contributor_imports_a_bibliography_sees_the_plan_first_and_the_source_is_cited_in_chicago() throws Exception {
        String key = "wroblewski" + System.nanoTime();
        Path library = Files.createTempFile("library", ".bib");
        Files.writeString(library, """
                @book{%s,
                  author    = {Wróblewski, Tadeusz},
                  title     = {Ocalenie Krakowa},
                  publisher = {Wydawnictwo Literackie},
                  address   = {Kraków},
                  year      = {1975},
                  langid    = {polish}
                }
                """.formatted(key));
        Path broken = Files.createTempFile("broken", ".json");
        Files.writeString(broken, "[{\"id\": \"no-title\", \"type\": \"book\"}]");

        browser.get(base + "/contribute");
        useToken(service.token());
        // a file the ledger cannot take: the entry and its field are named, and nothing is offered to import
        browser.findElement(By.id("b-file")).sendKeys(broken.toAbsolutePath().toString());
        browser.findElement(By.id("b-plan")).click();
        waitFor(d -> d.findElement(By.id("b-problems")).getText().contains("Entry no-title, title"));
        assertThat(browser.findElement(By.id("b-commit")).isDisplayed()).isFalse();
        assertThat(service.get("/api/sources/no-title").statusCode()).isEqualTo(404);

        // a good file: first the plan, with nothing written
        browser.findElement(By.id("b-file")).sendKeys(library.toAbsolutePath().toString());
        browser.findElement(By.id("b-plan")).click();
        waitFor(d -> d.findElement(By.cssSelector("#bibliography-form .done")).getText()
                .equals("Nothing written yet: 1 to register, 0 to correct, 0 unchanged."));
        WebElement row = browser.findElement(By.cssSelector("#b-plan-table tbody tr"));
        assertThat(row.getAttribute("data-action")).isEqualTo("register");
        assertThat(row.getText()).contains(key).contains("Ocalenie Krakowa");
        assertThat(service.get("/api/sources/" + key).statusCode()).isEqualTo(404);

        // then the import, and the new source's page cites it in Chicago author-date
        browser.findElement(By.id("b-commit")).click();
        waitFor(d -> d.findElement(By.cssSelector("#bibliography-form .done")).getText()
                .equals("Imported: 1 registered, 0 corrected, 0 unchanged."));
        assertThat(service.get("/api/sources/" + key).statusCode()).isEqualTo(200);
        browser.findElement(By.cssSelector("#b-plan-table tbody tr a")).click();
        waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Ocalenie Krakowa"));
        assertThat(browser.findElement(By.cssSelector("#cite-as .citation")).getText())
                .isEqualTo("Wróblewski, Tadeusz. 1975. Ocalenie Krakowa. Wydawnictwo Literackie.");
    }

    @Test
    void a_reader_searches_from_any_page_finds_the_quote_in_its_own_language_and_narrows_it_by_a_facet() {
        browser.get(base + "/sources/konev-1969-memoir");
        WebElement box = browser.findElement(By.id("site-search"));
        box.sendKeys("Krakau");
        box.submit();
        waitFor(d -> d.getCurrentUrl().contains("/search?q=Krakau"));
        String count = browser.findElement(By.cssSelector(".search-count")).getText();
        int total = Integer.parseInt(count.split(" ")[0]);
        assertThat(total).isPositive();
        // the German spelling finds the Polish one: the words found are marked in the quote as written
        List<String> marked = browser.findElements(By.cssSelector("ol.hits mark")).stream().map(WebElement::getText).toList();
        assertThat(marked).anySatisfy(m -> assertThat(m).startsWith("Krak"));

        WebElement facet = browser.findElement(By.cssSelector("aside.facets li a"));
        int facetCount = Integer.parseInt(facet.findElement(By.xpath("following-sibling::span[@class='count']")).getText());
        facet.click();
        waitFor(d -> d.findElement(By.cssSelector("aside.facets a[aria-current='true']")) != null);
        assertThat(browser.findElement(By.cssSelector(".search-count")).getText())
                .startsWith(facetCount + " claim");
        assertThat(facetCount).isLessThanOrEqualTo(total);
    }

    @Test
    void a_reviewer_grades_a_source_and_its_page_shows_the_new_grade_and_rationale_without_a_reload() {
        String source = "krakow-liberated-1945-en";
        browser.get(base + "/sources/" + source);
        markPage();
        useToken(service.token());
        String was = browser.findElement(By.id("grade-now")).getText();
        String grade = was.equals("B") ? "C" : "B";
        new Select(browser.findElement(By.id("g-grade"))).selectByValue(grade);
        browser.findElement(By.id("g-rationale")).sendKeys("Checked against the Kraków city archive, sygn. 29/1945.");
        browser.findElement(By.cssSelector("#grade-form button[type=submit]")).click();

        waitFor(d -> d.findElement(By.cssSelector("#grade-form .done")).getText().equals("Graded " + grade + "."));
        waitFor(d -> d.findElement(By.id("grade-now")).getText().equals(grade)
                && d.findElement(By.cssSelector("ol.grades")).getText().contains("Checked against the Kraków city archive")
                && d.findElement(By.cssSelector("ol.grades")).getText().contains("it-historian"));
        assertThat(pageWasNotReloaded()).isTrue();
    }

    @Test
    void the_pages_fit_a_phone_screen_and_every_control_has_a_label_and_every_quote_its_language() throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser;
        try {
            // a phone's viewport, as DevTools emulates it (resizing a headless window is not reliable)
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                    "width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            for (String page : List.of("/", "/propositions/" + DEMOLITION, "/sources/konev-1969-memoir", "/contribute")) {
                browser.get(base + page);
                JavascriptExecutor js = (JavascriptExecutor) browser;
                Number sideways = (Number) js.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                Object widest = js.executeScript("const w = document.documentElement.clientWidth; return Array.from("
                        + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)"
                        + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
                assertThat(sideways.intValue()).as(page + " scrolls sideways on a phone: " + widest).isLessThanOrEqualTo(0);
                @SuppressWarnings("unchecked")
                List<String> unlabelled = (List<String>) js.executeScript("return Array.from(document.querySelectorAll("
                        + "'input:not([type=hidden]), select, textarea')).filter(e => !(e.labels && e.labels.length)"
                        + " && !e.getAttribute('aria-label')).map(e => e.id || e.name);");
                assertThat(unlabelled).as(page + ": controls without a label").isEmpty();
                @SuppressWarnings("unchecked")
                List<String> quotesWithoutLanguage = (List<String>) js.executeScript("return Array.from("
                        + "document.querySelectorAll('blockquote')).filter(q => !q.lang).map(q => q.textContent);");
                assertThat(quotesWithoutLanguage).as(page + ": quotes without their language").isEmpty();
                @SuppressWarnings("unchecked")
                List<String> faint = (List<String>) js.executeScript(CONTRAST);
                assertThat(faint).as(page + ": text below WCAG AA contrast (4.5:1)").isEmpty();
            }
            // the contrast check itself sees faint text
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("const p = document.createElement('p'); p.style.color = '#bbbbbb';"
                    + " p.textContent = 'faint on purpose'; document.querySelector('main').append(p);");
            @SuppressWarnings("unchecked")
            List<String> faint = (List<String>) js.executeScript(CONTRAST);
            assertThat(faint).anyMatch(t -> t.contains("faint on purpose"));

            browser.get(base + "/propositions/" + DEMOLITION);
            screenshot("proposition-phone.png");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    private static void useToken(String token) {
        WebElement panel = browser.findElement(By.id("token-panel"));
        if (panel.getAttribute("open") == null) {
            panel.findElement(By.tagName("summary")).click();
        }
        browser.findElement(By.id("token-input")).sendKeys(token);
        browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(2))
                .until(d -> d.findElement(By.id("token-who")).getText().startsWith("Writing as it-historian"));
    }

    /** Waits up to 5 s; parts of a live page are redrawn at any time, so a vanished element is asked for again. */
    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Leaves a mark in the page's window that a reload would wipe. */
    private static void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.__claimledgerSamePage = true;");
    }

    private static boolean pageWasNotReloaded() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.__claimledgerSamePage === true;"));
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path firstExisting(String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }
}
