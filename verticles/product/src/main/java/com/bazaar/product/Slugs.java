package com.bazaar.product;

import com.bazaar.platform.error.ApiError;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs for catalog entries: lower-case ASCII words joined by hyphens. */
public final class Slugs {
  private static final int MAX = 120;

  private Slugs() {
  }

  public static String fromName(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > MAX) {
      slug = slug.substring(0, MAX).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      throw ApiError.badRequest("INVALID_SLUG", "No slug can be made from the name '" + name + "'; send a slug", null);
    }
    return slug;
  }
}
