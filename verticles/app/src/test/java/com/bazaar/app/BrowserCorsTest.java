package com.bazaar.app;

import com.bazaar.platform.testing.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS as a real browser enforces it: headless Chromium loads a storefront page from another origin, whose script
 * calls Bazaar with {@code fetch}, and reports what it could read. One origin is allowed, one is not.
 */
class BrowserCorsTest {
  private static final Pattern OUT = Pattern.compile("<pre id=\"out\">(.*?)</pre>", Pattern.DOTALL);
  private static final int ALLOWED_PORT = TestConfig.freePort();
  private static final Vertx PAGES = Vertx.vertx();
  private static OrderWorld world;
  private static HttpServer allowed;
  private static HttpServer other;

  @BeforeAll
  static void start() {
    world = new OrderWorld(Map.of("BAZAAR_GATEWAY_CORS_ALLOWED_ORIGINS", "[\"http://127.0.0.1:" + ALLOWED_PORT
      + "\"]"));
    String variant = OrderWorld.variant(world.product(10, OrderWorld.BASE), 0);
    String page = page(world.customer.get("Authorization"), OrderWorld.order(variant, "1"));
    allowed = serve(page, ALLOWED_PORT);
    other = serve(page, 0);
  }

  @AfterAll
  static void stop() {
    PAGES.close().await();
    world.close();
  }

  @Test
  void a_page_from_an_allowed_origin_reads_a_list_a_signed_in_get_and_an_idempotent_post() throws Exception {
    JsonObject seen = browse(allowed.actualPort());

    assertThat(seen.getInteger("list")).isEqualTo(200);
    assertThat(seen.getString("xCache")).as("an exposed header").isIn("MISS", "HIT");
    assertThat(seen.getBoolean("requestId")).isTrue();
    assertThat(seen.getInteger("me")).isEqualTo(200);
    assertThat(seen.getString("email")).isEqualTo("buyer@orders.test");
    assertThat(seen.getInteger("order")).isEqualTo(201);
    assertThat(seen.getInteger("replay")).isEqualTo(201);
    assertThat(seen.getString("replayed")).isEqualTo("true");
    assertThat(world.count("SELECT count(*) FROM \"order\".orders")).as("the replay placed nothing").isEqualTo(1);
  }

  @Test
  void a_page_from_another_origin_is_refused_by_the_browser() throws Exception {
    JsonObject seen = browse(other.actualPort());

    assertThat(seen.getString("list")).isEqualTo("blocked");
    assertThat(seen.getString("me")).isEqualTo("blocked");
    assertThat(seen.getString("order")).isEqualTo("blocked");
  }

  private static JsonObject browse(int pagePort) throws IOException, InterruptedException {
    Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
      "--disable-dev-shm-usage", "--virtual-time-budget=20000", "--dump-dom",
      "http://127.0.0.1:" + pagePort + "/shop.html").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher out = OUT.matcher(dom);
    assertThat(out.find()).as(dom).isTrue();
    return new JsonObject(out.group(1).replace("&amp;", "&"));
  }

  private static HttpServer serve(String page, int port) {
    return PAGES.createHttpServer().requestHandler(r -> r.response().putHeader("content-type", "text/html")
      .end(page)).listen(port, "127.0.0.1").await();
  }

  private static String page(String authorization, JsonObject order) {
    String api = "http://127.0.0.1:" + world.app.config.getJsonObject("http").getInteger("port");
    return """
      <html><body><pre id="out">running</pre><script>
      const api = %s, auth = %s, order = %s;
      async function attempt(out, key, call) {
        try { await call(); } catch (e) { out[key] = "blocked"; }
      }
      async function run() {
        const out = {};
        await attempt(out, "list", async () => {
          const r = await fetch(api + "/api/v1/categories");
          out.list = r.status; out.xCache = r.headers.get("X-Cache"); out.requestId = !!r.headers.get("X-Request-Id");
        });
        await attempt(out, "me", async () => {
          const r = await fetch(api + "/api/v1/auth/me", {headers: {Authorization: auth}});
          out.me = r.status; out.email = (await r.json()).email;
        });
        await attempt(out, "order", async () => {
          const init = {method: "POST", body: JSON.stringify(order),
            headers: {Authorization: auth, "Content-Type": "application/json", "Idempotency-Key": "browser-1"}};
          const first = await fetch(api + "/api/v1/orders", init);
          out.order = first.status;
          const again = await fetch(api + "/api/v1/orders", init);
          out.replay = again.status; out.replayed = again.headers.get("Idempotent-Replayed");
        });
        document.getElementById("out").textContent = JSON.stringify(out);
      }
      run();
      </script></body></html>
      """.formatted(quote(api), quote(authorization), order.encode());
  }

  private static String quote(String value) {
    return new io.vertx.core.json.JsonArray().add(value).encode().replaceAll("^\\[|]$", "");
  }
}
