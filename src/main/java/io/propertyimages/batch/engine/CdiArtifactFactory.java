package io.propertyimages.batch.engine;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jberet.creation.AbstractArtifactFactory;

/**
 * Resolves the {@code ref} of a job XML element to the application's {@code @Named} CDI bean, so batch artifacts get
 * injection (batch properties, JobContext, StepContext, scoped beans) from the container that runs the application.
 */
final class CdiArtifactFactory extends AbstractArtifactFactory {
    private final BeanManager beanManager;

    CdiArtifactFactory(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public Class<?> getArtifactClass(String ref, ClassLoader classLoader) {
        Bean<?> bean = resolve(ref);
        return bean == null ? null : bean.getBeanClass();
    }

    @Override
    public Object create(String ref, Class<?> cls, ClassLoader classLoader) {
        Bean<?> bean = resolve(ref);
        if (bean == null) {
            return null;
        }
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        return beanManager.getReference(bean, bean.getBeanClass(), context);
    }

    private Bean<?> resolve(String ref) {
        return beanManager.resolve(beanManager.getBeans(ref));
    }
}
