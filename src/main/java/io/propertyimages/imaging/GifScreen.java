package io.propertyimages.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.w3c.dom.Node;

/**
 * A GIF's first frame as browsers show it: on the logical screen, at the frame's position, with what the frame does
 * not cover, and its transparent pixels, white (browsers leave them transparent, and ignore the background colour).
 * Like Chromium and Firefox, a first frame that reaches past the screen enlarges it, which also mends files that
 * declare a 0x0 screen.
 */
final class GifScreen implements Presentation {
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";
    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";

    private final int width;
    private final int height;
    private final int left;
    private final int top;

    private GifScreen(int width, int height, int left, int top) {
        this.width = width;
        this.height = height;
        this.left = left;
        this.top = top;
    }

    /** The screen and the first frame's place on it, from the metadata of {@code reader} (set to a GIF). */
    static GifScreen of(ImageReader reader) throws IOException {
        IIOMetadataNode screen = node(reader.getStreamMetadata(), STREAM_FORMAT, "LogicalScreenDescriptor");
        IIOMetadataNode frame = node(reader.getImageMetadata(0), IMAGE_FORMAT, "ImageDescriptor");
        int left = number(frame, "imageLeftPosition");
        int top = number(frame, "imageTopPosition");
        int width = Math.max(number(screen, "logicalScreenWidth"), left + reader.getWidth(0));
        int height = Math.max(number(screen, "logicalScreenHeight"), top + reader.getHeight(0));
        return new GifScreen(width, height, left, top);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** The first frame drawn on a white screen, on bytes as {@link JpegEncoder} prefers. */
    @Override
    public BufferedImage present(BufferedImage frame) {
        BufferedImage screen = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = screen.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(frame, left, top, null);
        } finally {
            g.dispose();
        }
        return screen;
    }

    private static IIOMetadataNode node(IIOMetadata metadata, String format, String name) throws IOException {
        if (metadata != null) {
            for (Node node = metadata.getAsTree(format).getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeName().equals(name)) {
                    return (IIOMetadataNode) node;
                }
            }
        }
        throw new IOException("no " + name + " in the GIF's metadata");
    }

    private static int number(IIOMetadataNode node, String attribute) {
        String value = node.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
