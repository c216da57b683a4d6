package io.waymark.gateway;

import io.waymark.testing.ServiceShapeRules;

class ServiceShapeTest extends ServiceShapeRules {
}
