import { DOCS } from './sources';

/**
 * Platform images documented as supporting automatic OS image upgrades (reference §3.3 #18, S4).
 * Azure adds SKUs over time, so a miss is a warning, not an error. Compare case-insensitively.
 */
export interface AosImageFamily {
  readonly publisher: string;
  readonly offer: string;
  readonly skus: readonly string[];
}

/**
 * Where the list comes from and how old it is: the "Supported OS images" table of the page (its source,
 * MicrosoftDocs/azure-compute-docs articles/virtual-machine-scale-sets/virtual-machine-scale-sets-automatic-upgrade.md
 * at commit 0c6223e9, ms.date 05/19/2026), read on `readOn`. Rules say how old it is; docs/sources.md records it too.
 */
export const AOS_IMAGE_LIST = {
  url: DOCS.automaticOsUpgrade,
  /** The page's own date (ms.date): the newest revision of the table that was read. */
  pageDate: '2026-05-19',
  /** When the product's list was last compared with the page. */
  readOn: '2026-12-02',
  /**
   * On the list although the page as read does not show it (it lists only server-arm64 of this offer): issue 18
   * requires the x64 Ubuntu 24.04 image to count as supported. Kept apart so the provenance stays visible.
   */
  notOnPage: [{ publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' }],
} as const;

const WS2016 = [
  '2016-Datacenter',
  '2016-Datacenter-gensecond',
  '2016-Datacenter-gs',
  '2016-Datacenter-smalldisk',
  '2016-Datacenter-with-Containers',
  '2016-Datacenter-with-containers-gs',
];
const WS2019 = [
  '2019-Datacenter',
  '2019-Datacenter-Core',
  '2019-Datacenter-Core-smalldisk',
  '2019-Datacenter-Core-with-Containers',
  '2019-Datacenter-gensecond',
  '2019-Datacenter-gs',
  '2019-Datacenter-smalldisk',
  '2019-Datacenter-with-Containers',
  '2019-Datacenter-with-Containers-gs',
];
const WS2022 = [
  '2022-Datacenter',
  '2022-Datacenter-smalldisk',
  '2022-Datacenter-azure-edition',
  '2022-Datacenter-azure-edition-core',
  '2022-Datacenter-azure-edition-core-smalldisk',
  '2022-Datacenter-core',
  '2022-Datacenter-core-smalldisk',
  '2022-Datacenter-g2',
  '2022-Datacenter-smalldisk-g2',
];

export const AOS_PLATFORM_IMAGES: readonly AosImageFamily[] = [
  { publisher: 'Canonical', offer: '0001-com-ubuntu-server-focal', skus: ['20_04-LTS', '20_04-LTS-Gen2', '20_04-LTS-arm64'] },
  { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', skus: ['server-arm64'] },
  { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', skus: ['22_04-LTS', '22_04-LTS-arm64', '22_04-LTS-Gen2'] },
  { publisher: 'Canonical', offer: '0001-com-ubuntu-pro-microsoft', skus: ['pro-fips-20_04-Gen2'] },
  {
    publisher: 'MicrosoftCblMariner',
    offer: 'Cbl-Mariner',
    skus: ['cbl-mariner-2', 'cbl-mariner-2-arm64', 'cbl-mariner-2-Gen2', 'cbl-mariner-2-fips', 'cbl-mariner-2-Gen2-fips'],
  },
  { publisher: 'MicrosoftCblMariner', offer: 'Azure-Linux', skus: ['azure-linux-Gen2', 'azure-linux-3', 'azure-linux-arm64'] },
  { publisher: 'MicrosoftSqlServer', offer: 'SQL2017-ws2019', skus: ['enterprise'] },
  { publisher: 'MicrosoftSqlServer', offer: 'SQL2019-ws2022', skus: ['enterprise'] },
  { publisher: 'MicrosoftSqlServer', offer: 'SQL2022-ws2022', skus: ['enterprise-Gen2'] },
  {
    publisher: 'MicrosoftWindowsServer',
    offer: 'WindowsServer',
    skus: ['2012-R2-Datacenter', ...WS2016, ...WS2019, ...WS2022, 'Datacenter-core-20h2-with-containers-smalldisk-gs'],
  },
];

/** The documented list (and the images added to it, notOnPage) as lower-cased `publisher/offer/sku` keys, built once: every scale set asks. */
const DOCUMENTED = new Set([
  ...AOS_PLATFORM_IMAGES.flatMap((f) => f.skus.map((sku) => imageKey(f.publisher, f.offer, sku))),
  ...AOS_IMAGE_LIST.notOnPage.map((i) => imageKey(i.publisher, i.offer, i.sku)),
]);

function imageKey(publisher: string, offer: string, sku: string): string {
  return `${publisher}/${offer}/${sku}`.toLowerCase();
}

/** True when publisher/offer/sku is on the product's list (case-insensitive). */
export function isDocumentedAosImage(publisher: string, offer: string, sku: string): boolean {
  return DOCUMENTED.has(imageKey(publisher, offer, sku));
}
