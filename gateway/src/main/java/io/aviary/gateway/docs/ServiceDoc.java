package io.aviary.gateway.docs;

import tools.jackson.databind.JsonNode;

/**
 * One service's OpenAPI document as fetched for the merge.
 *
 * @param service  the service name (a key of {@code aviary.gateway.services})
 * @param document its parsed {@code /v3/api-docs}, or null when it could not be had
 */
record ServiceDoc(String service, JsonNode document) {

    static ServiceDoc missing(String service) {
        return new ServiceDoc(service, null);
    }

    boolean available() {
        return document != null && document.isObject();
    }
}
