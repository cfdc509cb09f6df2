import dev.fleetdeploy.testing.FakeAzureCli

context.put('firstRunArguments', new FakeAzureCli(new File(basedir, 'az-bin').toPath()).arguments())
FakeAzureCli.notLoggedIn(new File(basedir, 'az-bin').toPath())
return true
