package com.bazaar.gateway.cache;

import com.bazaar.gateway.http.BusForwarder;
import com.bazaar.gateway.http.BusProxyHandler;
import com.bazaar.gateway.http.ErrorResponder;
import com.bazaar.gateway.http.ReplyWriter;
import com.bazaar.gateway.http.RequestState;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

/**
 * Serves an {@code x-bazaar-cache} operation from the response cache. A {@code public} operation's answer is the
 * same for every caller, so signed-in requests share it too (their token was verified, and their limits applied,
 * before this handler); an {@code anonymous} one is shared among anonymous requests only, and a request with
 * {@code Authorization} is never served from it nor stored in it. Answers carry {@code X-Cache}
 * (HIT, MISS, BYPASS or STALE), a strong {@code ETag} ({@code If-None-Match} gives 304), {@code Vary:
 * Accept-Encoding} and a {@code Cache-Control} a CDN can follow; the gzip form is sent as stored.
 */
public final class ResponseCacheHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCacheHandler.class);
  private static final CharSequence X_CACHE = HttpHeaders.createOptimized("X-Cache");
  private static final CharSequence VARY_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
  private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

  private final ResponseCache cache;
  private final BusForwarder forwarder;
  private final BusProxyHandler uncached;
  private final String domain;
  private final int ttlSec;
  private final boolean sharedWithSignedIn;
  private final Map<String, Counter> counters;
  private final Counter earlyRefreshes;

  ResponseCacheHandler(ResponseCache cache, BusForwarder forwarder, String domain, int ttlSec,
                       boolean sharedWithSignedIn, String operationId, MeterRegistry registry) {
    this.cache = cache;
    this.forwarder = forwarder;
    this.uncached = new BusProxyHandler(forwarder);
    this.domain = domain;
    this.ttlSec = ttlSec;
    this.sharedWithSignedIn = sharedWithSignedIn;
    this.counters = Map.of(
      "HIT", counter(registry, operationId, "hit"), "MISS", counter(registry, operationId, "miss"),
      "BYPASS", counter(registry, operationId, "bypass"), "STALE", counter(registry, operationId, "stale"));
    this.earlyRefreshes = counter(registry, operationId, "early_refresh");
  }

  @Override
  public void handle(RoutingContext rc) {
    if (!cache.enabled() || !sharedWithSignedIn && rc.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
      mark(rc, "BYPASS");
      uncached.handle(rc);
      return;
    }
    String resource = resource(rc);
    String key = cache.key(domain, resource);
    CachedResponse near = cache.near(key);
    if (near != null) {
      serveHit(rc, near, key);
      return;
    }
    cache.shared(key).onComplete(found -> {
      if (found.result() != null) {
        serveHit(rc, found.result(), key);
        return;
      }
      cache.fill(key, ttlSec, () -> forwarder.forward(rc)).onComplete(ar -> {
        if (ar.succeeded() && ar.result().cached() != null) {
          serve(rc, ar.result().cached(), "MISS");
        } else if (ar.succeeded()) {
          mark(rc, "MISS");
          rc.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
          ReplyWriter.write(rc, ar.result().reply().status(), ar.result().reply().body());
        } else {
          serveStale(rc, key, ErrorMapper.map(ar.cause()));
        }
      });
    });
  }

  private void serveHit(RoutingContext rc, CachedResponse hit, String key) {
    serve(rc, hit, "HIT");
    if (cache.refreshDue(hit)) {
      earlyRefreshes.increment();
      cache.refresh(key, ttlSec, () -> forwarder.forward(rc))
        .onFailure(e -> LOG.debug("Early refresh of {} failed; the entry serves until it expires", key, e));
    }
  }

  private void serveStale(RoutingContext rc, String key, ApiError failure) {
    if (failure.status() < 500) {
      ErrorResponder.send(rc, failure);
      return;
    }
    cache.stale(key).onComplete(stale -> {
      if (stale.result() != null) {
        serve(rc, stale.result(), "STALE");
      } else {
        ErrorResponder.send(rc, failure);
      }
    });
  }

  private void serve(RoutingContext rc, CachedResponse entry, String outcome) {
    HttpServerResponse response = rc.response();
    if (response.ended() || response.closed()) {
      return;
    }
    mark(rc, outcome);
    long maxAge = "STALE".equals(outcome) ? 0 : entry.maxAgeSec();
    response.putHeader(HttpHeaders.ETAG, entry.etag())
      .putHeader(HttpHeaders.VARY, VARY_ENCODING)
      .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge + ", stale-while-revalidate=" + ttlSec);
    String ifNoneMatch = rc.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && (ifNoneMatch.contains(entry.etag()) || ifNoneMatch.trim().equals("*"))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, ErrorResponder.JSON);
    String accepts = rc.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
    if (accepts != null && accepts.contains("gzip") && entry.gzip() != null) {
      response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP).end(entry.gzip());
    } else {
      response.end(entry.raw());
    }
  }

  private void mark(RoutingContext rc, String outcome) {
    rc.response().putHeader(X_CACHE, outcome);
    counters.get(outcome).increment();
  }

  /**
   * The normalised path and the query as the contract typed it, parameters sorted: {@code ?a=1&b=2} and
   * {@code ?b=2&a=1}, {@code //x} and {@code /x}, {@code %6C} and {@code l}, {@code limit=020} and {@code limit=20}
   * all share an entry.
   */
  static String resource(RoutingContext rc) {
    StringBuilder out = new StringBuilder(rc.normalizedPath());
    JsonObject query = RequestState.validated(rc).query();
    char separator = '?';
    for (String name : new TreeSet<>(query.fieldNames())) {
      out.append(separator).append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(String.valueOf(query.getValue(name)), StandardCharsets.UTF_8));
      separator = '&';
    }
    return out.toString();
  }

  private static Counter counter(MeterRegistry registry, String operation, String result) {
    return Counter.builder("bazaar.gateway.cache").tag("operation", operation).tag("result", result).register(registry);
  }
}
