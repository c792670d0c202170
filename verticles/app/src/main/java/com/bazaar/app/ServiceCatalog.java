package com.bazaar.app;

import com.bazaar.auth.AuthVerticle;
import com.bazaar.gateway.GatewayVerticle;
import com.bazaar.platform.Platform;
import com.bazaar.pricing.PricingVerticle;
import com.bazaar.product.ProductVerticle;
import io.vertx.core.Deployable;

import java.util.List;
import java.util.function.Function;

/** Every service this jar can run, with its schema and verticle factory. The gateway is deployed last. */
final class ServiceCatalog {
  static final String GATEWAY = "gateway";

  record ServiceEntry(String name, boolean hasSchema, Function<Platform, Deployable> verticle) {
  }

  private static final List<ServiceEntry> SERVICES = List.of(
    new ServiceEntry(AuthVerticle.SERVICE, true, AuthVerticle::new),
    new ServiceEntry(ProductVerticle.SERVICE, true, ProductVerticle::new),
    new ServiceEntry(PricingVerticle.SERVICE, true, PricingVerticle::new),
    new ServiceEntry(GATEWAY, false, GatewayVerticle::new));

  private ServiceCatalog() {
  }

  static List<ServiceEntry> all() {
    return SERVICES;
  }

  static List<String> names() {
    return SERVICES.stream().map(ServiceEntry::name).toList();
  }
}
