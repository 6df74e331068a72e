package io.propertyimages.batch.cleanup;

import jakarta.annotation.PostConstruct;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.propertyimages.batch.download.BatchServices;
import io.propertyimages.cleanup.FolderCleaner;

/** Cleans one property folder, or in a dry run only works out what cleaning it would do; hands on the report. */
@Named
@Dependent
public class FolderCleanupProcessor implements ItemProcessor {
    @Inject
    BatchServices services;

    @Inject
    @BatchProperty
    boolean dryRun;

    private FolderCleaner cleaner;

    @PostConstruct
    void createCleaner() {
        cleaner = new FolderCleaner(services.manifests(), services.locks(), services.propertyIndex());
    }

    @Override
    public Object processItem(Object item) throws Exception {
        FolderToClean folder = (FolderToClean) item;
        return cleaner.clean(folder.folder(), folder.cutoff(), dryRun);
    }
}
