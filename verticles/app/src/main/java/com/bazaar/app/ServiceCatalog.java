package com.bazaar.app;

import com.bazaar.auth.AuthVerticle;
import com.bazaar.gateway.GatewayVerticle;
import com.bazaar.notification.NotificationVerticle;
import com.bazaar.order.OrderVerticle;
import com.bazaar.payment.PaymentVerticle;
import com.bazaar.platform.Platform;
import com.bazaar.platform.events.admin.EventsVerticle;
import com.bazaar.pricing.PricingVerticle;
import com.bazaar.product.ProductVerticle;
import com.bazaar.sharelink.ShareLinkVerticle;
import com.bazaar.wallet.WalletVerticle;
import io.vertx.core.Deployable;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Every service this jar can run, with its schema and verticle factory. The events service comes first: its
 * migration defines the outbox and inbox functions that other services' migrations call, and it parks dead
 * letters. The gateway is deployed last.
 */
final class ServiceCatalog {
  static final String GATEWAY = "gateway";

  record ServiceEntry(String name, boolean hasSchema, Function<Platform, Deployable> verticle) {
  }

  private static final List<ServiceEntry> SERVICES = List.of(
    new ServiceEntry(EventsVerticle.SERVICE, true, EventsVerticle::new),
    new ServiceEntry(AuthVerticle.SERVICE, true, AuthVerticle::new),
    new ServiceEntry(ProductVerticle.SERVICE, true, ProductVerticle::new),
    new ServiceEntry(PricingVerticle.SERVICE, true, PricingVerticle::new),
    new ServiceEntry(ShareLinkVerticle.SERVICE, true, ShareLinkVerticle::new),
    new ServiceEntry(OrderVerticle.SERVICE, true, OrderVerticle::new),
    new ServiceEntry(PaymentVerticle.SERVICE, true, PaymentVerticle::new),
    new ServiceEntry(WalletVerticle.SERVICE, true, WalletVerticle::new),
    new ServiceEntry(NotificationVerticle.SERVICE, true, NotificationVerticle::new),
    new ServiceEntry(GATEWAY, false, GatewayVerticle::new));

  private ServiceCatalog() {
  }

  static List<ServiceEntry> all() {
    return SERVICES;
  }

  /** With any service that has a schema comes the events service, whose schema theirs depend on. */
  static List<ServiceEntry> selected(Set<String> names) {
    boolean anySchema = SERVICES.stream().anyMatch(s -> s.hasSchema() && names.contains(s.name()));
    return SERVICES.stream()
      .filter(s -> names.contains(s.name()) || anySchema && s.name().equals(EventsVerticle.SERVICE))
      .toList();
  }

  static List<String> names() {
    return SERVICES.stream().map(ServiceEntry::name).toList();
  }
}
