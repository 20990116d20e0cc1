import type { MetadataService } from '../../metadata/metadataService';

/** The lists the scope selects read; a narrow type so tests can pass a plain object. */
export type MetadataLists = Pick<MetadataService, 'environments' | 'apis' | 'applications'>;
