import CloudFormation
import GRDB

extension Account {
    /// CloudFormation's deploy engine bound to this account's providers, inside transaction `db`.
    public func deployer(_ db: Database) -> Deployer {
        Deployer(region: region, account: accountId, provisioner: AccountProvisioner(account: self, db: db), now: { [self] in now() }, ids: ids)
    }
}
