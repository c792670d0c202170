package com.bazaar.notification.webhook;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook URLs Bazaar will call. Every URL must be absolute http(s) with a host and no credentials or fragment.
 * Unless local targets are allowed (dev and bench), it must be https and its host must resolve only to public
 * addresses: never loopback, private, shared (CGNAT), link-local (which holds the cloud metadata address
 * 169.254.169.254), unique-local, multicast or unspecified. The address check runs at registration and again before
 * every delivery, because what a name resolves to can change.
 */
public final class WebhookTargets {
  public static final int MAX_URL_LENGTH = 2048;

  private final Vertx vertx;
  private final boolean localAllowed;

  public WebhookTargets(Vertx vertx, boolean localAllowed) {
    this.vertx = vertx;
    this.localAllowed = localAllowed;
  }

  /** The URL, parsed and checked for shape; 400 {@code INVALID_WEBHOOK_URL} if it is not one Bazaar calls. */
  public URI parse(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      throw invalid("is longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid("is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(localAllowed && scheme.equals("http"))) {
      throw invalid(localAllowed ? "must be http or https" : "must be https");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw invalid("needs a host, and may hold no user name, password or fragment");
    }
    return uri;
  }

  /** Resolves the URL's host off the event loop; fails with 400 {@code WEBHOOK_TARGET_REFUSED} for a local one. */
  public Future<Void> checkAddresses(URI uri) {
    if (localAllowed) {
      return Future.succeededFuture();
    }
    String host = uri.getHost();
    return vertx.executeBlocking(() -> {
      InetAddress[] addresses;
      try {
        addresses = InetAddress.getAllByName(host);
      } catch (UnknownHostException e) {
        throw refused(host, "does not resolve");
      }
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          throw refused(host, "resolves to " + address.getHostAddress() + ", which is not a public address");
        }
      }
      return null;
    }, false);
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
      || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 198 && (second & 0xfe) == 18)
        && first < 240;
    }
    return !(address instanceof Inet6Address) || (b[0] & 0xfe) != 0xfc;
  }

  private static ApiError invalid(String why) {
    return ApiError.badRequest("INVALID_WEBHOOK_URL", "The webhook URL " + why, null);
  }

  private static ApiError refused(String host, String why) {
    return ApiError.badRequest("WEBHOOK_TARGET_REFUSED", "The webhook host " + host + " " + why,
      new JsonObject().put("host", host));
  }
}
