package io.propertyimages.imaging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registers the ImageIO plugins of WEB-INF/lib (TwelveMonkeys, webp-imageio) when the application starts, warms up
 * the conversions ({@link ImagingWarmUp}), and deregisters the plugins when it stops. ImageIO's registry belongs to
 * the JVM, so a plugin left there outlives its application: after a redeploy it would still be offered, and fail to
 * load its classes from the old application's deleted jars.
 * TwelveMonkeys' own IIOProviderContextListener picks the plugins to deregister by the thread's context class loader,
 * which in Liberty is not the loader of the application's classes, so it deregistered none.
 */
public final class ImageIoPluginsListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ImageIO.scanForPlugins();
        ImagingWarmUp.run();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ClassLoader application = ImageIoPluginsListener.class.getClassLoader();
        IIORegistry registry = IIORegistry.getDefaultInstance();
        for (Iterator<Class<?>> categories = registry.getCategories(); categories.hasNext(); ) {
            Class<?> category = categories.next();
            List<Object> ours = new ArrayList<>();
            registry.getServiceProviders(category, provider -> provider.getClass().getClassLoader() == application, false)
                    .forEachRemaining(ours::add);
            ours.forEach(provider -> deregister(registry, provider, category));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void deregister(IIORegistry registry, Object provider, Class<T> category) {
        registry.deregisterServiceProvider((T) provider, category);
    }
}
