package io.propertyimages.imaging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.spi.IIORegistry;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Removes the application's ImageIO plugins (TwelveMonkeys, in WEB-INF/lib) from the JVM-wide registry when the
 * application stops. TwelveMonkeys' {@code IIOProviderContextListener} registers them, but removes only those loaded
 * by the thread's context class loader, which on Liberty is not the loader of the application's classes: it would
 * leave them registered, and after a redeploy ImageIO would hand out the old application's plugins, whose classes
 * can no longer be loaded.
 */
public class ImageIoPluginsUndeployListener implements ServletContextListener {
    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ClassLoader application = getClass().getClassLoader();
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<Class<?>> categories = new ArrayList<>();
        registry.getCategories().forEachRemaining(categories::add);
        for (Class<?> category : categories) {
            deregister(registry, category, application);
        }
    }

    private static <T> void deregister(IIORegistry registry, Class<T> category, ClassLoader application) {
        List<T> local = new ArrayList<>();
        Iterator<T> providers = registry.getServiceProviders(category,
                provider -> provider.getClass().getClassLoader() == application, false);
        providers.forEachRemaining(local::add);
        local.forEach(provider -> registry.deregisterServiceProvider(provider, category));
    }
}
