package com.bazaar.product.catalog;

import com.bazaar.platform.error.ApiError;
import com.bazaar.product.Names;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A product to create, checked as a whole before anything is written. Every variant must give one value of each
 * of the product's options (a variant is a full combination), each value must exist, each combination may appear
 * once, and all variants share one currency. Every problem is reported, not only the first.
 */
public record ProductDraft(String name, String slug, String sku, String description, UUID categoryId, boolean active,
                    String currency, List<OptionDraft> options, List<VariantDraft> variants, List<ImageDraft> images) {

  record OptionDraft(String name, List<String> values) {
  }

  record VariantDraft(String sku, long price, int stock, Map<String, String> optionValues, String combinationKey) {
  }

  record ImageDraft(String url, String alt, int position, boolean primary) {
  }

  public static ProductDraft parse(JsonObject body, String defaultCurrency) {
    List<JsonObject> problems = new ArrayList<>();
    List<OptionDraft> options = options(body.getJsonArray("options", new JsonArray()), problems);
    String currency = null;
    List<VariantDraft> variants = new ArrayList<>();
    Set<String> combinations = new HashSet<>();
    JsonArray rawVariants = body.getJsonArray("variants", new JsonArray());
    for (int i = 0; i < rawVariants.size(); i++) {
      VariantInput raw = VariantInput.fromJson(rawVariants.getJsonObject(i));
      String variantCurrency = raw.currency() != null ? raw.currency() : body.getString("currency", defaultCurrency);
      if (currency == null) {
        currency = variantCurrency;
      } else if (!currency.equals(variantCurrency)) {
        problems.add(problem("variants/" + i + "/currency", "MIXED_CURRENCY", "every variant must use " + currency));
      }
      VariantDraft variant = variant(raw, options, "variants/" + i, problems);
      if (variant != null && !combinations.add(variant.combinationKey())) {
        problems.add(problem("variants/" + i + "/optionValues", "DUPLICATE_COMBINATION",
          "another variant has the same option values"));
      }
      variants.add(variant);
    }
    List<ImageDraft> images = images(body.getJsonArray("images", new JsonArray()), problems);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    String name = Names.trimmed(body.getString("name"));
    String categoryId = body.getString("categoryId");
    return new ProductDraft(name, Names.slug(body, name), body.getString("sku"),
      body.getString("description"), categoryId == null ? null : UUID.fromString(categoryId),
      body.getBoolean("isActive", true), currency == null ? body.getString("currency", defaultCurrency) : currency,
      options, variants, images);
  }

  /** Checks one variant against a product's existing options; null (with problems noted) when it does not fit. */
  static VariantDraft variant(VariantInput raw, List<OptionDraft> options, String path, List<JsonObject> problems) {
    Map<String, String> given = raw.optionValues();
    List<String> key = new ArrayList<>();
    int before = problems.size();
    for (String optionName : given.keySet()) {
      if (options.stream().noneMatch(o -> o.name().equals(optionName))) {
        problems.add(problem(path + "/optionValues/" + optionName, "UNKNOWN_OPTION", "the product has no option " + optionName));
      }
    }
    for (OptionDraft option : options) {
      String value = given.get(option.name());
      if (value == null) {
        problems.add(problem(path + "/optionValues", "MISSING_OPTION_VALUE", "a value for " + option.name() + " is required"));
      } else if (!option.values().contains(value)) {
        problems.add(problem(path + "/optionValues/" + option.name(), "UNKNOWN_OPTION_VALUE",
          option.name() + " has no value " + value));
      } else {
        key.add(value);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new VariantDraft(raw.sku(), raw.price(), raw.stock(), given, String.join("\u001f", key));
  }

  static ApiError invalid(List<JsonObject> problems) {
    return ApiError.unprocessable("INVALID_PRODUCT", "The product does not hold together: " + problems.get(0).getString("problem"),
      new JsonObject().put("problems", new JsonArray(problems)));
  }

  private static List<OptionDraft> options(JsonArray raw, List<JsonObject> problems) {
    List<OptionDraft> options = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      JsonObject option = raw.getJsonObject(i);
      String name = option.getString("name");
      if (!names.add(name)) {
        problems.add(problem("options/" + i + "/name", "DUPLICATE_OPTION", "option " + name + " is given twice"));
      }
      List<String> values = option.getJsonArray("values").stream().map(String::valueOf).toList();
      if (new HashSet<>(values).size() != values.size()) {
        problems.add(problem("options/" + i + "/values", "DUPLICATE_OPTION_VALUE", "option " + name + " repeats a value"));
      }
      options.add(new OptionDraft(name, values));
    }
    return options;
  }

  private static List<ImageDraft> images(JsonArray raw, List<JsonObject> problems) {
    List<ImageDraft> images = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      JsonObject image = raw.getJsonObject(i);
      images.add(new ImageDraft(image.getString("url"), image.getString("alt"), image.getInteger("position", i),
        image.getBoolean("isPrimary", false)));
    }
    if (images.stream().filter(ImageDraft::primary).count() > 1) {
      problems.add(problem("images", "MULTIPLE_PRIMARY_IMAGES", "at most one image may be primary"));
    }
    return images;
  }

  static JsonObject problem(String field, String code, String problem) {
    return new JsonObject().put("field", field).put("code", code).put("problem", problem);
  }
}
