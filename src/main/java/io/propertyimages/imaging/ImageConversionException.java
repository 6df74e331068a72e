package io.propertyimages.imaging;

/** Bytes that cannot become a JPEG: not an image, an unsupported format, corrupt, or too large. */
public final class ImageConversionException extends Exception {
    public ImageConversionException(String reason) {
        super(reason);
    }

    public ImageConversionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
