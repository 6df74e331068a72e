package io.propertyimages.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report of a cleanup-images execution, from its exit status
 * {@code [dryRun ]deleted=… bytes=… folders=… orphans=… orphansDeleted=… missing=… corrupt=… failed=…}.
 */
final class CleanupReport {
    private static final Map<String, String> LABELS = labels();

    private CleanupReport() {
    }

    static String format(long executionId, String batchStatus, String exitStatus) {
        boolean dryRun = exitStatus != null && exitStatus.startsWith("dryRun ");
        String counts = dryRun ? exitStatus.substring("dryRun ".length()) : exitStatus;
        StringBuilder text = new StringBuilder("cleanup-images, execution " + executionId + ": " + batchStatus
                + (dryRun ? " (dry run: nothing was deleted; a real run would delete this)" : "") + "\n");
        if (counts == null || !counts.matches("\\w+=\\S+( \\w+=\\S+)*")) {
            return text.append("  exit status ").append(exitStatus).append('\n').toString();
        }
        for (String pair : counts.split(" ")) {
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (name.equals("bytes") && value.matches("\\d+")) {
                value = Formats.bytes(Long.parseLong(value)) + " (" + value + ")";
            }
            text.append(String.format("  %-34s %s\n", LABELS.getOrDefault(name, name), value));
        }
        return text.toString();
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("deleted", "images deleted (orphans included)");
        labels.put("bytes", "space freed");
        labels.put("folders", "property folders removed");
        labels.put("orphans", "orphan files found");
        labels.put("orphansDeleted", "orphan files deleted");
        labels.put("missing", "entries without their file dropped");
        labels.put("corrupt", "folders with a corrupt manifest");
        labels.put("failed", "folders where a deletion failed");
        return labels;
    }
}
