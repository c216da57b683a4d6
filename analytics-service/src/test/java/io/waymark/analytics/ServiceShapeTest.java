package io.waymark.analytics;

import io.waymark.testing.ServiceShapeRules;

class ServiceShapeTest extends ServiceShapeRules {
}
