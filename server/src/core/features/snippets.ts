import { APPLICATION_HEALTH_EXTENSION, POLICY_OBJECTS, type PolicyObjectId } from '../catalog';
import { allowedInApiVersion } from './catalogContext';
import { authoredMarkdown, codeBlock, paragraphs, type Markdown } from '../text/markdown';

/**
 * Whole blocks offered by completion, built from the catalog's defaults so they follow it. Bodies are
 * LSP snippets (tab stops `${n:…}`), indented with tabs that clients re-indent to the line.
 */
export interface BlockSnippet {
  readonly label: string;
  /** The property the snippet inserts (not offered when it is already there). */
  readonly property?: string;
  readonly description: string;
  readonly body: string;
}

function rollingBody(apiVersion: string | undefined, indent: string, stop: { n: number }): string {
  const rolling = POLICY_OBJECTS.rollingUpgradePolicy.properties.filter(
    (p) => p.default !== undefined && allowedInApiVersion(p, apiVersion),
  );
  const lines = rolling.map(
    (p) =>
      `${indent}\t"${p.name}": ${p.type === 'duration' || p.type === 'string' ? `"\${${stop.n++}:${String(p.default)}}"` : `\${${stop.n++}:${String(p.default)}}`}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function aosBody(apiVersion: string | undefined, indent: string, stop: { n: number }): string {
  const wanted: Record<string, boolean> = {
    enableAutomaticOSUpgrade: true,
    useRollingUpgradePolicy: true,
    disableAutomaticRollback: false,
  };
  const props = (Object.keys(wanted) as string[]).filter((name) => {
    const property = POLICY_OBJECTS.automaticOSUpgradePolicy.properties.find((p) => p.name === name);
    return property !== undefined && allowedInApiVersion(property, apiVersion);
  });
  return `{\n${props.map((name) => `${indent}\t"${name}": \${${stop.n++}|${wanted[name]},${!wanted[name]}|}`).join(',\n')}\n${indent}}`;
}

/** Snippets for the keys of an object: `properties` of the scale set, or `upgradePolicy`. */
export function blockSnippets(where: 'properties' | PolicyObjectId, apiVersion: string | undefined): BlockSnippet[] {
  if (where === 'properties') {
    return [
      {
        label: 'Rolling upgrade policy',
        property: 'upgradePolicy',
        description: 'upgradePolicy in Rolling mode with the default rolling policy (20 % batches, 20 % unhealthy limits, no pause).',
        body: `"upgradePolicy": {\n\t"mode": "Rolling",\n\t"rollingUpgradePolicy": ${rollingBody(apiVersion, '\t', { n: 1 })}\n}`,
      },
      {
        label: 'Automatic OS upgrade with rolling policy',
        property: 'upgradePolicy',
        description:
          'upgradePolicy in Rolling mode whose automatic OS upgrades follow the rolling policy. Needs a health probe or the Application Health extension.',
        body: (() => {
          const stop = { n: 1 };
          const rolling = rollingBody(apiVersion, '\t', stop);
          return `"upgradePolicy": {\n\t"mode": "Rolling",\n\t"rollingUpgradePolicy": ${rolling},\n\t"automaticOSUpgradePolicy": ${aosBody(apiVersion, '\t', stop)}\n}`;
        })(),
      },
    ];
  }
  if (where === 'upgradePolicy') {
    return [
      {
        label: 'Rolling upgrade policy',
        property: 'rollingUpgradePolicy',
        description: 'The default rolling policy, written out so it can be tuned.',
        body: `"rollingUpgradePolicy": ${rollingBody(apiVersion, '', { n: 1 })}`,
      },
      {
        label: 'Automatic OS upgrade with rolling policy',
        property: 'automaticOSUpgradePolicy',
        description: 'Automatic OS upgrades that follow the rolling policy.',
        body: `"automaticOSUpgradePolicy": ${aosBody(apiVersion, '', { n: 1 })}`,
      },
    ];
  }
  return [];
}

/** Snippets for an element of `virtualMachineProfile.extensionProfile.extensions`. */
export function extensionSnippets(): BlockSnippet[] {
  const ext = APPLICATION_HEALTH_EXTENSION;
  const make = (os: 'linux' | 'windows', label: string): BlockSnippet => ({
    label: `Application Health extension (${label})`,
    description: `The ${ext.types[os]} extension, the health signal rolling upgrades and automatic OS upgrades wait for.`,
    body: [
      '{',
      `\t"name": "\${1:HealthExtension}",`,
      '\t"properties": {',
      `\t\t"publisher": "${ext.publisher}",`,
      `\t\t"type": "${ext.types[os]}",`,
      `\t\t"typeHandlerVersion": "${ext.versions.rich}",`,
      '\t\t"autoUpgradeMinorVersion": true,',
      '\t\t"settings": {',
      '\t\t\t"protocol": "${2|http,https,tcp|}",',
      '\t\t\t"port": ${3:80},',
      '\t\t\t"requestPath": "${4:/health}",',
      `\t\t\t"intervalInSeconds": \${5:${ext.settings.intervalInSeconds.default}},`,
      `\t\t\t"numberOfProbes": \${6:${ext.settings.numberOfProbes.default}}`,
      '\t\t}',
      '\t}',
      '}',
    ].join('\n'),
  });
  return [make('linux', 'Linux'), make('windows', 'Windows')];
}

/** Completion documentation of a snippet: its description, and its body without the tab stops in a code block. */
export function snippetDocumentation(description: string, body: string, language: 'json' | 'bicep'): Markdown {
  return paragraphs([
    authoredMarkdown(description),
    codeBlock(body.replace(/\$\{\d+[:|]([^}|]*)[^}]*\}/g, '$1').replace(/\$\d/g, ''), language),
  ]);
}
