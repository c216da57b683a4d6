package io.waymark.platform;

import io.waymark.testing.ServiceShapeRules;

/** The platform keeps the shape it asks of the services. */
class PlatformShapeTest extends ServiceShapeRules {
}
