import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Authenticating with the Azure CLI's signed-in account (${basedir}/az-bin/az account get-access-token; credential=azure-cli).")
    log.shows("[INFO] Azure Device Update deployment 'rollout-a1', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    assert context.get('firstRunArguments') == 'account get-access-token --resource https://api.adu.microsoft.com/ --output json'
    log.shows('BUILD SUCCESS')

    // Not logged in: az's own reason, although a client secret sat in the environment.
    log.shows("failed: the Azure CLI gave no token: the Azure CLI is not logged in: ERROR: Please run 'az login' to setup account.")
    log.shows('Run az login --tenant it-unused-tenant first (in GitHub Actions: the azure/login step), in the same user account.')
    log.shows('BUILD FAILURE')
    log.lacks('it-unused-secret-7a2b')

    // The token went to ADU only, once, and never to the log.
    assert adu.requests('POST', '/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc-toaster/deployments/rollout-a1:cancel')
            .size() == 1
    log.lacks('it-cli-token-0c8d2e4f6a1b')
} finally {
    adu?.close()
}
return true
