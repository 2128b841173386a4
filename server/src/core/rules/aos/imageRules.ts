import { AOS_IMAGE_LIST, AOS_PLATFORM_IMAGES, isDocumentedAosImage } from '../../catalog/platformImages';
import { currentTime } from '../facts/clock';
import type { RProperty, RValue, ScaleSetModel } from '../../model/templateModel';
import { getProp } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { isEditable } from '../facts/setting';
import type { FindingDraft } from '../ruleTypes';
import { clip, originRelated, originSentence, showValue } from '../valueOrigin';
import { fitMessage, joinSentences } from '../messageText';
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

const DAY_MS = 86_400_000;

/** How old the product's list of supported images is: the page's date, when it was read, and how long ago (with a clock). */
function listAge(now: number | undefined): string {
  const read = Date.parse(`${AOS_IMAGE_LIST.readOn}T00:00:00Z`);
  const days = now === undefined ? undefined : Math.floor((now - read) / DAY_MS);
  const ago = days === undefined || days < 0 ? '' : days === 0 ? ', today' : ` (${days} day${days === 1 ? '' : 's'} ago)`;
  return `The list the extension checks against is Microsoft's page as updated on ${AOS_IMAGE_LIST.pageDate}, read on ${AOS_IMAGE_LIST.readOn}${ago}; images added to the page since then are missing from it.`;
}

export const AOS_IMAGE_VERSION = scaleSetRule({
  id: 'aos-image-version',
  defaultSeverity: 'error',
  title: 'Automatic OS upgrade with a pinned image version',
  description:
    'Automatic OS upgrade is on but the image is pinned: imageReference.version is not "latest", or a gallery image id ends in /versions/{version}. Azure rejects the deployment.',
  check: (ctx) => {
    const { model, scaleSet, facts } = ctx;
    const aos = aosOn(scaleSet, facts);
    const img = aos && image(scaleSet);
    if (!aos || !img) return [];
    const out: FindingDraft[] = [];
    const version = stringOf(img.get('version'));
    if (version && version.value.trim().toLowerCase() !== 'latest') {
      out.push({
        message: `imageReference.version is ${showValue(version)}, but automatic OS upgrade needs "latest", so Azure rejects the deployment.`,
        details: {
          explanation: joinSentences(
            originSentence(version),
            'Automatic OS upgrade rolls out new image versions as they are published, so the scale set must follow the newest one. Set version to "latest", or turn automatic OS upgrade off to keep this version.',
          ),
          azureError: LATEST_ERROR,
          sources: ['S4'],
        },
        span: version.span,
        related: [aos.related, ...originRelated(model, version)],
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
        message: fitMessage(
          (q) =>
            `imageReference.${field} pins image version "${clip(pinned[2]!, q)}", but automatic OS upgrade needs the newest version, so Azure rejects the deployment.`,
        ),
        details: {
          explanation: joinSentences(
            originSentence(id),
            `With automatic OS upgrade the scale set must follow the newest version, which a gallery image id expresses by ending at /images/{name} without /versions/…. Drop the /versions/${pinned[2]} segment.`,
          ),
          azureError: LATEST_ERROR,
          ...(field === 'id'
            ? {}
            : { assumption: 'Whether automatic OS upgrade supports shared and community gallery images at all is not documented.' }),
          sources: ['S4', 'S1'],
        },
        span: id.span,
        related: [aos.related, ...originRelated(model, id)],
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
  check: ({ model, scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    const id = stringOf(aos && image(scaleSet)?.get('id'));
    const match = id && MANAGED_IMAGE.exec(id.value.trim());
    if (!aos || !id || !match || GALLERY_IMAGE.test(id.value)) return [];
    return [
      {
        message: `imageReference.id is the managed image "${clip(match[1]!)}"; automatic OS upgrade supports custom images only from Azure Compute Gallery, so it never runs.`,
        details: {
          explanation: joinSentences(
            originSentence(id),
            'The automatic OS upgrade documentation says "Other custom images are not supported": a managed image has no versions, so there is never a newer one to roll out. Publish the image as a version of an Azure Compute Gallery image definition and set imageReference.id to .../galleries/{gallery}/images/{definition} (no /versions/…), or turn automatic OS upgrade off.',
          ),
          assumption: 'Whether Azure rejects the deployment, and with which text, is not documented for managed images.',
          sources: ['S4'],
        },
        span: id.span,
        related: [aos.related, ...originRelated(model, id)],
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
  check: (ctx) => {
    const { model, scaleSet, facts } = ctx;
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
      ? `Documented SKUs of ${family[0]!.publisher}/${family[0]!.offer}: ${family.flatMap((f) => f.skus).join(', ')}.`
      : `No SKU of ${publisher.value}/${offer.value} is documented.`;
    const imageName = clip(`${publisher.value}/${offer.value}/${sku.value}`, 44);
    return [
      {
        message: `${imageName} is not on the ${AOS_IMAGE_LIST.pageDate} list of images with automatic OS upgrade; if Azure lacks support, the deployment fails.`,
        details: {
          explanation: joinSentences(
            originSentence(sku),
            hint,
            listAge(currentTime(ctx)),
            'Microsoft adds images to the list periodically, so check the current list, or use a listed image.',
          ),
          azureError: PLATFORM_ERROR,
          assumption:
            'The documented list may lag behind what Azure supports; Azure gives this error only for an image it does not support.',
          sources: ['S4'],
        },
        span: sku.span,
        related: [
          aos.related,
          { span: publisher.span, message: 'Image publisher.' },
          { span: offer.span, message: 'Image offer.' },
          ...originRelated(model, sku),
        ],
      },
    ];
  },
});
