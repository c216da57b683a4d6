package io.waymark.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps, checked on its compiled classes (no server needed). A service's test class
 * extends this in its root package ({@code io.waymark.customer.ServiceShapeTest}):
 * <ul>
 * <li>deny by default: every REST method says who may call it ({@code @RolesAllowed}, {@code @PermitAll},
 * {@code @DenyAll} or {@code @Authenticated}, on the method or its class);</li>
 * <li>domain code never speaks HTTP (no {@code api} package, no JAX-RS);</li>
 * <li>resources see services only, never repositories.</li>
 * </ul>
 */
public abstract class ServiceShapeRules {

    private static final List<String> HTTP_METHODS = List.of("jakarta.ws.rs.GET", "jakarta.ws.rs.POST",
            "jakarta.ws.rs.PUT", "jakarta.ws.rs.PATCH", "jakarta.ws.rs.DELETE", "jakarta.ws.rs.HEAD",
            "jakarta.ws.rs.OPTIONS");
    private static final List<String> ACCESS = List.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll",
            "io.quarkus.security.Authenticated");

    private JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(getClass().getPackageName());
    }

    @Test
    void everyRestMethodDeclaresWhoMayCallIt() {
        methods().that(restMethods()).should(declareAccess())
                .allowEmptyShould(true)
                .check(classes());
    }

    @Test
    void domainCodeDoesNotSpeakHttp() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.waymark..api..", "jakarta.ws.rs..", "io.vertx.ext.web..")
                .allowEmptyShould(true)
                .check(classes());
    }

    @Test
    void resourcesSeeServicesNotRepositories() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().resideInAPackage("io.waymark..persistence..")
                .allowEmptyShould(true)
                .check(classes());
    }

    private static DescribedPredicate<JavaMethod> restMethods() {
        // a REST client's interface declares calls this service makes, not endpoints it serves
        return DescribedPredicate.describe("are REST methods this service serves",
                m -> !m.getOwner().isInterface() && HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith));
    }

    private static ArchCondition<JavaMethod> declareAccess() {
        return new ArchCondition<>("declare who may call them") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = ACCESS.stream().anyMatch(a -> method.isAnnotatedWith(a)
                        || method.getOwner().isAnnotatedWith(a));
                if (!declared) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " has no @RolesAllowed, @PermitAll, @DenyAll or @Authenticated"));
                }
            }
        };
    }
}
