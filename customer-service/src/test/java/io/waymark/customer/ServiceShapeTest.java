package io.waymark.customer;

import io.waymark.testing.ServiceShapeRules;

class ServiceShapeTest extends ServiceShapeRules {
}
