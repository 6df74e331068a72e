package io.propertyimages.batch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OutputWriteExceptionTest {
    private final Path image = Path.of("/data/phoenix/1-main-st/img_002.jpg");

    @Test
    void namesTheFileThatAFullDiskLeavesUnnamed() {
        assertEquals("cannot write /data/phoenix/1-main-st/img_002.jpg: No space left on device",
                OutputWriteException.writing(image, new IOException("No space left on device")).getMessage());
    }

    @Test
    void takesTheReasonAloneFromAFileSystemExceptionThatNamesATempFile() {
        FileSystemException rename = new FileSystemException("/data/phoenix/1-main-st/.tmp-img_002.jpg-5f", image.toString(), "Is a directory");

        assertEquals("cannot write /data/phoenix/1-main-st/img_002.jpg: Is a directory", OutputWriteException.writing(image, rename).getMessage());
    }

    @Test
    void keepsTheFileAnInnerCallNamed() {
        OutputWriteException inner = OutputWriteException.writing(image, new IOException("No space left on device"));

        assertSame(inner, OutputWriteException.writing(Path.of("/data/phoenix/1-main-st/images_manifest.json"), inner));
    }
}
