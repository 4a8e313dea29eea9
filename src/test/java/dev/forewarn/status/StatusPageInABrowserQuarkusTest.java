package dev.forewarn.status;

import dev.forewarn.customer.StatusLinks;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.testing.Api;
import dev.forewarn.testing.Fleet;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The status page in a real headless Chromium at phone width, in both languages: it shows the open incident, and
 * its preferences and unsubscribe buttons work. Screenshots are left in target/status-page-*.png.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class StatusPageInABrowserQuarkusTest {
    TestPeers.Peers peers;

    @Inject
    Scenario scenario;
    @Inject
    MutableClock clock;
    @Inject
    StatusLinks links;

    @TestHTTPResource("/")
    URL base;

    WebDriver browser;

    @BeforeEach
    void degradedRegion() throws Exception {
        Api.asAdmin();
        scenario.reset();
        peers.http().resetAll();
        peers.smtp().purgeEmailFromAllMailboxes();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        Fleet fleet = new Fleet(peers.http()).healthy("eu-central").healthy("ap-east");
        Scenario.customer("acme", "en", "Europe/Berlin", "eu-central");
        Scenario.customer("jiankang", "zh-CN", "Asia/Shanghai", "eu-central", "ap-east");
        scenario.runFor(Duration.ofMinutes(2));
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--lang=en-US")
                // A phone: 390 CSS pixels wide (headless windows cannot be narrower than 500 otherwise).
                .setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                        Map.of("width", 390, "height", 844, "pixelRatio", 1.0)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEnglishCustomerSeesTheIncidentAndOptsOutOfAllClearsOnAPhone() throws Exception {
        browser.get(page("acme"));
        assertThat(browser.getTitle()).isEqualTo("Service status");
        assertThat(text("#region-eu-central")).contains("Frankfurt").contains("Degraded call quality");
        assertThat(text(".incident")).contains("Call quality degraded").contains("Europe/Berlin");
        assertThat(horizontalOverflow()).as("nothing wider than the phone").isFalse();
        screenshot("en");

        browser.findElement(By.id("preferences")).click();
        browser.findElement(By.cssSelector("input[value='all-clears']")).click();
        browser.findElement(By.id("save")).click();

        assertThat(waitFor("#saved")).contains("Your preferences are saved");
        assertThat(browser.findElement(By.cssSelector("input[value='all-clears']")).isSelected()).isFalse();
        given().get("/api/customers/acme/preferences").then().statusCode(200)
                .body("mutedTopics", org.hamcrest.Matchers.contains("all-clears"));
    }

    @Test
    void aChineseCustomerReadsThePageInChineseAndUnsubscribesWithTheButton() throws Exception {
        browser.get(page("jiankang"));
        assertThat(browser.getTitle()).isEqualTo("服务状态");
        assertThat(text("#region-eu-central")).contains("通话质量下降");
        assertThat(text("#region-ap-east")).contains("运行正常");
        assertThat(text(".incident")).contains("Asia/Shanghai");
        assertThat(horizontalOverflow()).isFalse();
        screenshot("zh-CN");

        String unsubscribe = links.unsubscribeUrl("jiankang", "jiankang@customers.example", 1).orElseThrow();
        browser.get(base.toString().replaceAll("/$", "") + Notices.local(unsubscribe));
        browser.findElement(By.id("unsubscribe")).click();

        assertThat(waitFor("#unsubscribed")).contains("此地址将不再收到通知");
        given().get("/api/customers/jiankang/audit").then().statusCode(200)
                .body("[0].actor", org.hamcrest.Matchers.equalTo("jiankang@customers.example"))
                .body("[0].via", org.hamcrest.Matchers.equalTo("unsubscribe link in notice #1"));
    }

    private String page(String customer) {
        Map<String, Object> link = given().get("/api/customers/" + customer + "/status-link").then().statusCode(200)
                .extract().as(Map.class);
        return base.toString().replaceAll("/$", "") + Notices.local((String) link.get("statusUrl"));
    }

    /** The text of an element on the page a click leads to, once it has loaded (generous on a busy machine). */
    private String waitFor(String css) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .getText();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private boolean horizontalOverflow() {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        return Boolean.TRUE.equals(overflow);
    }

    private void screenshot(String language) throws Exception {
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "status-page-" + language + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
