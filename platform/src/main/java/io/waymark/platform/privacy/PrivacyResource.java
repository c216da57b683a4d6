package io.waymark.platform.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What this service holds about one customer, for customer-service's GDPR export (which calls every service
 * with its client-credentials token, role {@code privacy}). Only parts that hold something are listed: a
 * service that holds nothing about the customer answers no parts.
 */
@Path("/privacy/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class PrivacyResource {

    /** The service's part of an export: its name and each kind of data it holds. */
    public record PersonalDataExport(String service, Map<String, Object> parts) {
    }

    private final List<PersonalData> sources;
    private final String service;

    PrivacyResource(@Any Instance<PersonalData> sources, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.sources = sources.stream().toList();
        this.service = service;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("privacy")
    @Operation(summary = "Everything this service holds about a customer (GDPR export; service-to-service)")
    public Uni<PersonalDataExport> export(@PathParam("id") UUID id) {
        Map<String, Object> parts = new TreeMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PersonalData source : sources) {
            chain = chain.flatMap(v -> source.export(id).invoke(data -> {
                if (data != null) {
                    parts.put(source.part(), data);
                }
            }).replaceWithVoid());
        }
        return chain.map(v -> new PersonalDataExport(service, parts));
    }
}
