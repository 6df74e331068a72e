package io.propertyimages.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableFolderProbeTest {
    @TempDir
    Path dir;

    @Test
    void aWritableFolderHasNoProblemAndKeepsNoProbeFile() throws IOException {
        Files.writeString(dir.resolve("kept.txt"), "x");

        assertEquals(Optional.empty(), WritableFolderProbe.problemWith(dir));
        assertEquals(List.of(dir.resolve("kept.txt")), list(dir));
    }

    @Test
    void aMissingFolderIsCreated() {
        Path root = dir.resolve("images/root");

        assertEquals(Optional.empty(), WritableFolderProbe.problemWith(root));
        assertTrue(Files.isDirectory(root));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsTheProblemNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("root"), "not a folder");

        String problem = WritableFolderProbe.problemWith(file).orElseThrow();

        assertTrue(problem.startsWith(file + " is not writable: FileAlreadyExistsException"), problem);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
