package io.waymark.feedback;

import io.waymark.testing.ServiceShapeRules;

class ServiceShapeTest extends ServiceShapeRules {
}
