package io.waymark.gateway.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The gateway's own REST resources (/openapi) answer their failures as problem+json too (405, 406, 500). */
public class GatewayProblemMappers {

    private static final Logger LOG = Logger.getLogger(GatewayProblemMappers.class);

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return problem(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure of %s", uri.getPath());
        return problem(500, "Internal Server Error", "the request could not be completed; it was logged", uri);
    }

    private static Response problem(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.body(status, title, detail, uri.getPath())).build();
    }
}
