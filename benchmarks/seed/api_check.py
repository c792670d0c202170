#!/usr/bin/env python3
"""The seed generator's API-driven mode: creates a few products through the real HTTP API and checks that the two
paths agree. For each of the first N SQL-seeded products it reads the product back, posts the same product (same
options, variants, prices, stock and images) to POST /api/v1/products as an ADMIN, reads the new one, and compares
the two with ids, slugs, names and timestamps set aside. Any difference fails the run.

Usage: api_check.py BASE_URL ADMIN_EMAIL ADMIN_PASSWORD COUNT
"""
import json
import sys
import urllib.request


def call(method, url, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def as_create_body(product, suffix):
    return {
        "name": product["name"] + suffix,
        "slug": product["slug"] + "-api",
        "description": product["description"],
        "categoryId": product["category"]["id"] if product.get("category") else None,
        "options": [{"name": o["name"], "values": [v["value"] for v in o["values"]]} for o in product["options"]],
        "variants": [{"price": v["price"], "stock": v["stock"], "optionValues": v["optionValues"]}
                     for v in product["variants"]],
        "images": [{"url": i["url"], "alt": i["alt"], "position": i["position"], "isPrimary": i["isPrimary"]}
                   for i in product["images"]],
    }


def comparable(product):
    return {
        "description": product["description"],
        "category": product.get("category"),
        "isActive": product["isActive"],
        "currency": product["currency"],
        "minPrice": product["minPrice"],
        "maxPrice": product["maxPrice"],
        "options": [{"name": o["name"], "values": [v["value"] for v in o["values"]]} for o in product["options"]],
        "variants": [{k: v[k] for k in ("price", "currency", "stock", "isActive", "optionValues")} for v in product["variants"]],
        "images": [{k: i[k] for k in ("url", "alt", "position", "isPrimary")} for i in product["images"]],
    }


def main():
    base, email, password, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    token = call("POST", base + "/api/v1/auth/login", {"email": email, "password": password})["accessToken"]
    mismatches = 0
    for i in range(1, count + 1):
        seeded = call("GET", base + f"/api/v1/products/p-{i}", token=token)
        body = as_create_body(seeded, " (api)")
        body = {k: v for k, v in body.items() if v is not None}
        created = call("POST", base + "/api/v1/products", body, token)
        again = call("GET", base + f"/api/v1/products/{created['slug']}", token=token)
        if comparable(seeded) != comparable(created) or comparable(created) != comparable(again):
            mismatches += 1
            print(f"p-{i}: the API-created product differs from the SQL-seeded one", file=sys.stderr)
            print(json.dumps(comparable(seeded), sort_keys=True), file=sys.stderr)
            print(json.dumps(comparable(created), sort_keys=True), file=sys.stderr)
    print(f"api check: {count} product(s) created through the API, {mismatches} mismatch(es)")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
