package io.propertyimages.imaging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registers the ImageIO plugins of {@code WEB-INF/lib} (TwelveMonkeys) when the application starts and deregisters
 * them when it stops. ImageIO's registry is JVM-wide: a plugin left registered would outlive its application and
 * serve the next deployment from a class loader whose jars are gone. TwelveMonkeys' own listener picks the plugins
 * by the thread's context class loader, which in Liberty is a wrapper, not the class loader of the plugins, so it
 * deregisters nothing there; this one compares with the application's own class loader.
 */
public class ImageIoPluginsListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ImageIO.scanForPlugins();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        ClassLoader application = ImageIoPluginsListener.class.getClassLoader();
        for (Iterator<Class<?>> categories = registry.getCategories(); categories.hasNext(); ) {
            deregister(registry, categories.next(), application, event);
        }
    }

    private static <T> void deregister(IIORegistry registry, Class<T> category, ClassLoader application, ServletContextEvent event) {
        List<T> providers = new ArrayList<>();
        registry.getServiceProviders(category, p -> p.getClass().getClassLoader() == application, false)
                .forEachRemaining(providers::add);
        for (T provider : providers) {
            registry.deregisterServiceProvider(provider, category);
            event.getServletContext().log("Deregistered ImageIO plugin " + provider.getClass().getName());
        }
    }
}
