/**
 * The change-impact rows of the VM profile (hardware, image, disks, OS profile, network, extensions): a
 * model change unless a row says otherwise, from change-impact.md.
 */
import { VM, OS, DISK, NIC, EXT, REBOOT_UNKNOWN, row, model, none, refused, type ImpactRow } from './impactFacts';

export const VM_PROFILE_ROWS: readonly ImpactRow[] = [
  row(`${VM}`, model('Part of the VM profile: a model change. Not in our table, so its exact effect is not known.', 'modify', true)),
  row(`${VM}hardwareProfile`, model('Like a resize: each instance restarts with the new VM shape.', 'restSpec', true)),
  row(`${VM}licenseType`, model('The license type of the instances.', 'restSpec', true)),
  row(`${VM}userData`, model('The instances get the new user data; how it reaches running instances is not documented.', 'restSpec', true)),
  row(`${VM}priority`, refused('Spot or Regular priority is set only at creation: the deployment fails.', 'spot', false)),
  row(`${VM}evictionPolicy`, refused('The eviction policy is most likely fixed at creation.', 'restSpec', true)),
  row(
    `${VM}billingProfile`,
    model('The Spot price cap; whether existing Spot instances must be stopped is not documented.', 'restSpec', true),
  ),
  row(`${VM}applicationProfile`, model('Gallery applications; how a change reaches the instances is not documented.', 'terraform', true)),
  row(`${VM}capacityReservation`, {
    class: 'deallocate',
    effect: 'A regional scale set changes its capacity reservation only while deallocated; instances join per the upgrade mode.',
    unverified: false,
    source: 'capacityReservation',
  }),
  row(`${VM}diagnosticsProfile`, model(`Boot diagnostics settings. ${REBOOT_UNKNOWN}`, 'restSpec')),
  row(
    `${VM}scheduledEventsProfile`,
    model('The instances get the new notification settings when updated to the latest model.', 'terminate'),
  ),
  row(
    `${VM}scheduledEventsProfile.osImageNotificationProfile`,
    model('OS image notifications; the effect on instances is not documented.', 'restSpec', true),
  ),
  row(
    `${VM}securityProfile`,
    model(
      'The security type or UEFI settings: the upgrade recreates each OS disk (Trusted Launch needs a Gen2 image and a supported size).',
      'trustedLaunch',
    ),
  ),
  row(
    `${VM}securityProfile.encryptionAtHost`,
    model('Encryption at host; whether enabling it reaches running instances without a stop is not documented.', 'encryptionAtHost', true),
    {
      variants: [
        {
          when: 'turnedOff',
          class: 'deallocate',
          effect: 'Turning encryption at host off affects new instances only; each existing one must be deallocated to change.',
          unverified: false,
          source: 'encryptionAtHost',
        },
      ],
    },
  ),
  row(
    `${DISK}imageReference`,
    model('A new image: the upgrade recreates each OS disk from it (anything stored on the OS disk is lost).', 'modify'),
  ),
  row(
    `${DISK}imageReference.publisher`,
    model('A new image publisher: allowed only for some images; the upgrade recreates each OS disk.', 'modify', true),
  ),
  row(
    `${DISK}imageReference.offer`,
    model('A new image offer: allowed only for some images; the upgrade recreates each OS disk.', 'modify', true),
  ),
  row(`${DISK}imageReference.sku`, {
    ...model('A new image SKU (endorsed Linux, Windows images, images without a plan): the upgrade recreates each OS disk.', 'modify'),
    azureError: "Changing property 'imageReference.sku' is not allowed.",
  }),
  row(
    `${DISK}imageReference.version`,
    model('A new image version: the upgrade recreates each OS disk from it; data disks are kept.', 'upgradePolicy'),
  ),
  row(`${DISK}osDisk`, model('The OS disk settings; the effect on existing instances is not documented.', 'restSpec', true)),
  row(
    `${DISK}osDisk.managedDisk.storageAccountType`,
    refused(
      'The OS disk storage type is fixed at creation: the deployment fails.',
      'modify',
      false,
      "Changing property 'osDisk.managedDisk.storageAccountType' is not allowed.",
    ),
  ),
  row(`${DISK}osDisk.diskSizeGB`, {
    class: 'reimage',
    effect: 'Most likely only new or reimaged instances get the new size; it must not be smaller than the image.',
    unverified: true,
    source: 'restSpec',
  }),
  row(
    `${DISK}osDisk.createOption`,
    refused('Most likely fixed at creation.', 'restSpec', true, "Changing property 'osDisk.createOption' is not allowed."),
  ),
  row(`${DISK}osDisk.osType`, refused('Most likely fixed at creation.', 'restSpec', true)),
  row(`${DISK}osDisk.name`, refused('Most likely fixed at creation.', 'restSpec', true)),
  row(
    `${DISK}osDisk.diffDiskSettings`,
    model(
      'Ephemeral OS disk settings; Azure behaviour is not documented (a reimage of an ephemeral disk loses local data).',
      'reimage',
      true,
    ),
  ),
  row(
    `${DISK}dataDisks`,
    model(
      'Model data disks are always created empty; a disk removed from the model is detached from every instance (its data goes with it).',
      'upgradePolicy',
    ),
  ),
  row(`${OS}computerNamePrefix`, refused('Most likely fixed at creation (Terraform replaces the scale set).', 'terraform', true)),
  row(`${OS}adminUsername`, {
    class: 'reimage',
    effect: 'Applies to new instances; existing ones need a reimage. Current rules are not documented.',
    unverified: true,
    source: 'modify',
  }),
  row(`${OS}adminPassword`, {
    class: 'reimage',
    effect: 'A new password reaches existing instances only when they are reimaged.',
    unverified: false,
    source: 'passwordIssue',
  }),
  row(`${OS}customData`, {
    class: 'reimage',
    effect: 'Existing instances get the new custom data only after an upgrade and a reimage; new instances get it.',
    unverified: false,
    source: 'customData',
  }),
  row(`${OS}secrets`, model('Key Vault certificates; whether a reimage is needed is not documented.', 'restSpec', true)),
  row(
    `${OS}allowExtensionOperations`,
    model('Can be false only without extensions; whether it can change is not documented.', 'restSpec', true),
  ),
  row(`${OS}linuxConfiguration`, model('Linux settings; the effect on instances is not documented.', 'restSpec', true)),
  row(`${OS}linuxConfiguration.ssh.publicKeys`, {
    class: 'reimage',
    effect: 'New SSH keys reach existing instances only after a restart, reimage or redeploy.',
    unverified: false,
    source: 'upgradePolicy',
  }),
  row(`${OS}windowsConfiguration`, model('Windows settings; the effect on instances is not documented.', 'restSpec', true)),
  row(
    `${OS}windowsConfiguration.provisionVMAgent`,
    refused('Most likely fixed at creation (Terraform replaces the scale set).', 'terraform', true),
  ),
  row(
    `${OS}linuxConfiguration.provisionVMAgent`,
    refused('Most likely fixed at creation (Terraform replaces the scale set).', 'terraform', true),
  ),
  row(`${VM}networkProfile`, model('Network settings: a model change (per field not documented).', 'networking', true)),
  row(
    `${VM}networkProfile.healthProbe`,
    model('The health probe used by rolling upgrades; a probe in use blocks changes to its load-balancer rule.', 'rolling', true),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.subnet`,
    model('Another subnet of the same virtual network; another network needs a new scale set.', 'modify'),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.loadBalancerBackendAddressPools`,
    model('Back-end pools: instances join when upgraded to the latest model.', 'networking'),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.applicationGatewayBackendAddressPools`,
    model('Back-end pools: instances join when upgraded to the latest model.', 'networking'),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.loadBalancerInboundNatPools`,
    model('NAT pools: instances join when upgraded to the latest model.', 'networking'),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.publicIPAddressConfiguration`,
    model('Public IP settings; some (IP tags, version, SKU) are most likely fixed at creation.', 'restSpec', true),
  ),
  row(
    `${VM}extensionProfile`,
    model('Extensions added, removed or changed: each instance runs the new extension configuration.', 'upgradePolicy'),
  ),
  row(`${EXT}.properties.settings`, model('The extension re-runs with the new settings (in place, the OS disk is kept).', 'modify')),
  row(
    `${EXT}.properties.protectedSettings`,
    model('The extension re-runs with the new protected settings (in place, the OS disk is kept).', 'modify'),
  ),
  row(`${EXT}.properties.forceUpdateTag`, model('The extension re-runs even though its settings are unchanged.', 'modify')),
  row(
    `${EXT}.properties.autoUpgradeMinorVersion`,
    none('Read only when the extension is deployed; it has no effect until then.', 'restSpec'),
  ),
  row(`${EXT}.properties.enableAutomaticUpgrade`, {
    class: 'platform',
    effect: 'Azure upgrades the extension on its own as new versions ship, in batches, following the rolling upgrade policy.',
    unverified: false,
    source: 'extensionUpgrade',
  }),
  row(`${EXT}.properties.publisher`, model('Another extension publisher; how Azure treats it is not documented.', 'restSpec', true)),
  row(`${EXT}.properties.type`, model('Another extension type; how Azure treats it is not documented.', 'restSpec', true)),
];
