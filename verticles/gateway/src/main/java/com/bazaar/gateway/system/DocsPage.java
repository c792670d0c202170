package com.bazaar.gateway.system;

/** The Swagger UI page, pointed at the served contract; its assets come from the webjar under /docs/. */
final class DocsPage {
  private DocsPage() {
  }

  static String html() {
    return """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Bazaar API</title>
        <link rel="stylesheet" href="/docs/swagger-ui.css">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/docs/swagger-ui-bundle.js"></script>
        <script src="/docs/swagger-ui-standalone-preset.js"></script>
        <script>
          window.ui = SwaggerUIBundle({
            url: '/openapi.yaml',
            dom_id: '#swagger-ui',
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
            layout: 'StandaloneLayout'
          });
        </script>
      </body>
      </html>
      """;
  }
}
