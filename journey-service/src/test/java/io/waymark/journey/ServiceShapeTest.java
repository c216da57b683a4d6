package io.waymark.journey;

import io.waymark.testing.ServiceShapeRules;

class ServiceShapeTest extends ServiceShapeRules {
}
