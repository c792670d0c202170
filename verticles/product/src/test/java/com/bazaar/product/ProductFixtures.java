package com.bazaar.product;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.testing.TestBus;
import com.bazaar.platform.testing.TestBus.Result;
import com.bazaar.product.api.ProductAddresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds products through the service's own bus addresses, as an ADMIN would. */
public final class ProductFixtures {
  private final TestBus bus;

  public ProductFixtures(TestBus bus) {
    this.bus = bus;
  }

  /** A T-shirt in two colours and two sizes: four variants priced from {@code basePrice}. */
  public static JsonObject shirt(String name, long basePrice) {
    JsonArray variants = new JsonArray();
    String[] colours = {"Red", "Blue"};
    String[] sizes = {"M", "L"};
    int i = 0;
    for (String colour : colours) {
      for (String size : sizes) {
        variants.add(new JsonObject().put("price", basePrice + 100L * i++).put("stock", 5)
          .put("optionValues", new JsonObject().put("Color", colour).put("Size", size)));
      }
    }
    return new JsonObject()
      .put("name", name)
      .put("description", "Cotton")
      .put("options", new JsonArray()
        .add(new JsonObject().put("name", "Color").put("values", new JsonArray().add("Red").add("Blue")))
        .add(new JsonObject().put("name", "Size").put("values", new JsonArray().add("M").add("L"))))
      .put("variants", variants)
      .put("images", new JsonArray()
        .add(new JsonObject().put("url", "https://img.example/" + name.replace(' ', '-') + "-back.jpg").put("position", 1))
        .add(new JsonObject().put("url", "https://img.example/" + name.replace(' ', '-') + ".jpg").put("alt", name)
          .put("position", 0).put("isPrimary", true)));
  }

  public Result create(JsonObject product) {
    return bus.call(ProductAddresses.PRODUCTS_CREATE, Map.of(), Map.of(), product, TestBus.admin());
  }

  public JsonObject created(JsonObject product) {
    Result result = create(product);
    assertThat(result.status()).as(String.valueOf(result.body())).isEqualTo(201);
    return result.body();
  }

  public Result get(String idOrSlug, Principal principal) {
    return bus.call(ProductAddresses.PRODUCTS_GET, Map.of("idOrSlug", idOrSlug), Map.of(), null, principal);
  }

  /** As the gateway calls: without a limit, the contract's default one. */
  public Result list(Map<String, Object> query) {
    Map<String, Object> withLimit = new java.util.HashMap<>(query);
    withLimit.putIfAbsent("limit", 20);
    return bus.call(ProductAddresses.PRODUCTS_LIST, Map.of(), withLimit, null, Principal.ANONYMOUS);
  }

  public JsonObject category(String name) {
    Result result = bus.call(ProductAddresses.CATEGORIES_CREATE, Map.of(), Map.of(), new JsonObject().put("name", name),
      TestBus.admin());
    assertThat(result.status()).isEqualTo(201);
    return result.body();
  }
}
