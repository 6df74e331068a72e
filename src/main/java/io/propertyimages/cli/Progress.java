package io.propertyimages.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A download's progress as {@code GET /api/jobexecutions/{id}} reports it in {@code "progress"}. */
record Progress(long total, long done, long downloaded, long cached, long failed, long bytes, double imagesPerSecond) {

    /** @return the execution's progress, or null before the job has read its input, or for a job without one */
    static Progress of(JsonObject execution) {
        JsonValue value = execution.get("progress");
        if (!(value instanceof JsonObject progress)) {
            return null;
        }
        return new Progress(number(progress, "total"), number(progress, "done"), number(progress, "downloaded"),
                number(progress, "cached"), number(progress, "failed"), number(progress, "bytes"),
                progress.get("imagesPerSecond") instanceof JsonNumber rate ? rate.doubleValue() : 0);
    }

    private static long number(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber number ? number.longValue() : 0;
    }
}
