import { AOS_PLATFORM_IMAGES, isDocumentedAosImage } from '../../catalog/platformImages';
import type { RProperty, RValue, ScaleSetModel } from '../../model/templateModel';
import { getProp } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { isEditable } from '../facts/setting';
import type { FindingDraft } from '../ruleTypes';
import { originNote, showValue } from '../valueOrigin';
import { aosOn } from './aosOn';

/** Automatic OS upgrade prerequisites on the image (reference §3.3 #15, #17, #18; S4). */

const LATEST_ERROR =
  "virtualMachineScaleSets with Automatic OS Upgrade enabled must use Platform or Gallery Image with version set to 'latest'.";
const PLATFORM_ERROR = 'Automatic OS Upgrade cannot be enabled on virtualMachineScaleSets configured with a Platform Image.';

/** The id-like fields of imageReference, each possibly pinning a version with a trailing /versions/{v}. */
const IMAGE_ID_FIELDS = ['id', 'sharedGalleryImageId', 'communityGalleryImageId'] as const;
const PINNED_VERSION = /^(.*\/images\/[^/]+)\/versions\/([^/]+)\/?$/i;
const GALLERY_IMAGE = /\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\//i;
const MANAGED_IMAGE = /\/providers\/Microsoft\.Compute\/images\/([^/]+)\/?$/i;

/** imageReference's fields; undefined when the image reference is absent, unknown or not an object. */
function image(scaleSet: ScaleSetModel): { readonly get: (name: string) => RProperty | undefined } | undefined {
  const value = scaleSet.imageReference?.value;
  return value?.kind === 'object' ? { get: (name) => getProp(value, name) } : undefined;
}

function stringOf(property: RProperty | undefined): (RValue & { kind: 'string' }) | undefined {
  const value = property?.value;
  return value?.kind === 'string' ? value : undefined;
}

export const AOS_IMAGE_VERSION = scaleSetRule({
  id: 'aos-image-version',
  defaultSeverity: 'error',
  title: 'Automatic OS upgrade with a pinned image version',
  description:
    'Automatic OS upgrade is on but the image is pinned: imageReference.version is not "latest", or a gallery image id ends in /versions/{version}. Azure rejects the deployment.',
  check: ({ scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    const img = aos && image(scaleSet);
    if (!aos || !img) return [];
    const out: FindingDraft[] = [];
    const version = stringOf(img.get('version'));
    if (version && version.value.trim().toLowerCase() !== 'latest') {
      out.push({
        message: `imageReference.version is ${showValue(version)}${originNote(version)}, but automatic OS upgrade rolls out new image versions as they are published, so the version must be "latest". Azure rejects the deployment: "${LATEST_ERROR}" Set version to "latest", or turn automatic OS upgrade off to keep this version.`,
        span: version.span,
        related: [aos.related],
        fixes: isEditable(version)
          ? [
              {
                title: 'Set version to "latest"',
                edits: [{ kind: 'replaceValue', span: version.span, newValue: 'latest' }],
                isPreferred: true,
              },
            ]
          : [],
      });
    }
    for (const field of IMAGE_ID_FIELDS) {
      const id = stringOf(img.get(field));
      const pinned = id && PINNED_VERSION.exec(id.value.trim());
      if (!id || !pinned || pinned[2]!.toLowerCase() === 'latest') continue;
      const unpinned = pinned[1]!;
      out.push({
        message: `imageReference.${field} pins image version "${pinned[2]}"${originNote(id)}. With automatic OS upgrade the scale set must follow the newest version, which a gallery image id expresses by ending at /images/{name} without /versions/…. Azure rejects the deployment: "${LATEST_ERROR}" Drop the /versions/${pinned[2]} segment.${field === 'id' ? '' : ' (Whether automatic OS upgrade supports shared and community gallery images at all is not documented.)'}`,
        span: id.span,
        related: [aos.related],
        fixes: isEditable(id)
          ? [
              {
                title: `Drop /versions/${pinned[2]} from ${field}`,
                edits: [{ kind: 'replaceValue', span: id.span, newValue: unpinned }],
                isPreferred: true,
              },
            ]
          : [],
      });
    }
    return out;
  },
});

export const AOS_CUSTOM_IMAGE = scaleSetRule({
  id: 'aos-custom-image',
  defaultSeverity: 'error',
  title: 'Automatic OS upgrade with a managed (non-gallery) custom image',
  description:
    'Automatic OS upgrade is on but imageReference.id points to a Microsoft.Compute/images managed image; only Azure Compute Gallery images can be upgraded automatically.',
  check: ({ scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    const id = stringOf(aos && image(scaleSet)?.get('id'));
    const match = id && MANAGED_IMAGE.exec(id.value.trim());
    if (!aos || !id || !match || GALLERY_IMAGE.test(id.value)) return [];
    return [
      {
        message: `imageReference.id points to the managed image "${match[1]}" (Microsoft.Compute/images)${originNote(id)}, but automatic OS upgrade supports custom images only through Azure Compute Gallery ("Other custom images are not supported", S4): a managed image has no versions, so there is never a newer one to roll out. Publish the image as a version of an Azure Compute Gallery image definition and set imageReference.id to .../galleries/{gallery}/images/{definition} (no /versions/…), or turn automatic OS upgrade off.`,
        span: id.span,
        related: [aos.related],
      },
    ];
  },
});

export const AOS_UNLISTED_PLATFORM_IMAGE = scaleSetRule({
  id: 'aos-unlisted-platform-image',
  defaultSeverity: 'warning',
  title: 'Automatic OS upgrade on a platform image not documented as supported',
  description:
    'Automatic OS upgrade is on and the platform image (publisher/offer/sku) is not on the documented list of supported images. The list grows, so this is a warning.',
  check: ({ scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    const img = aos && image(scaleSet);
    if (!aos || !img || IMAGE_ID_FIELDS.some((f) => img.get(f) !== undefined && img.get(f)!.value.kind !== 'null')) return [];
    const publisher = stringOf(img.get('publisher'));
    const offer = stringOf(img.get('offer'));
    const sku = stringOf(img.get('sku'));
    if (!publisher || !offer || !sku || isDocumentedAosImage(publisher.value, offer.value, sku.value)) return [];
    const family = AOS_PLATFORM_IMAGES.filter(
      (f) => f.publisher.toLowerCase() === publisher.value.toLowerCase() && f.offer.toLowerCase() === offer.value.toLowerCase(),
    );
    const hint = family.length
      ? ` Documented SKUs of ${family[0]!.publisher}/${family[0]!.offer}: ${family.flatMap((f) => f.skus).join(', ')}.`
      : ` No SKU of ${publisher.value}/${offer.value} is documented.`;
    return [
      {
        message: `${publisher.value}/${offer.value}/${sku.value}${originNote(sku)} is not on the documented list of platform images that support automatic OS upgrade (S4). If Azure does not support it, the deployment fails with "${PLATFORM_ERROR}"${hint} Microsoft adds images to the list periodically, so check the current list, or use a listed image.`,
        span: sku.span,
        related: [aos.related, { span: publisher.span, message: 'Image publisher.' }, { span: offer.span, message: 'Image offer.' }],
      },
    ];
  },
});
