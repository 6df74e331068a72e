package io.propertyimages.cleanup;

import java.io.Serializable;

/**
 * The running totals of a cleanup, kept as its step's persistent user data so a restart goes on counting from
 * the last checkpoint. {@code deleted} and {@code bytes} include the orphans deleted.
 */
public record CleanupCounts(long deleted, long bytes, long foldersRemoved, long orphans, long orphansDeleted,
                           long missing, long corrupt, long failed) implements Serializable {
    public static final CleanupCounts NONE = new CleanupCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public CleanupCounts plus(FolderReport report) {
        return new CleanupCounts(
                deleted + report.deleted().size() + report.orphansDeleted().size(),
                bytes + report.bytes(),
                foldersRemoved + (report.folderRemoved() ? 1 : 0),
                orphans + report.orphans().size(),
                orphansDeleted + report.orphansDeleted().size(),
                missing + report.missing().size(),
                corrupt + (report.corrupt() != null ? 1 : 0),
                failed + (report.problems().isEmpty() ? 0 : 1));
    }

    @Override
    public String toString() {
        return "deleted=" + deleted + " bytes=" + bytes + " folders=" + foldersRemoved + " orphans=" + orphans
                + " orphansDeleted=" + orphansDeleted + " missing=" + missing + " corrupt=" + corrupt + " failed=" + failed;
    }
}
