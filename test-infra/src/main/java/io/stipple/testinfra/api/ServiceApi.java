package io.stipple.testinfra.api;

import java.util.function.Function;

/** What the four services' operation sets share: the client they call with and where their service listens. */
abstract class ServiceApi {

    private final StippleApi api;
    private final String service;
    private final Function<StippleApi.Endpoints, String> base;

    ServiceApi(StippleApi api, String service, Function<StippleApi.Endpoints, String> base) {
        this.api = api;
        this.service = service;
        this.base = base;
    }

    /** A request to this service's {@code path}, with the client's token. */
    final ApiCall call(String method, String path) {
        return api.call(method, service, base.apply(api.endpoints()), path);
    }
}
